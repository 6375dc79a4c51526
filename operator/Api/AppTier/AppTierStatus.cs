using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The observed state of an AppTier.</summary>
public sealed class AppTierStatus : ResourceStatus
{
    /// <summary>One word summarising the state.</summary>
    [JsonPropertyName("phase")]
    public Phase? Phase { get; set; }

    /// <summary>Pods that exist.</summary>
    [JsonPropertyName("replicas")]
    public int? Replicas { get; set; }

    /// <summary>Pods that are ready.</summary>
    [JsonPropertyName("readyReplicas")]
    public int? ReadyReplicas { get; set; }

    /// <summary>Pods the autoscaler wants (equal to <c>spec.replicas</c> without autoscaling).</summary>
    [JsonPropertyName("desiredReplicas")]
    public int? DesiredReplicas { get; set; }

    /// <summary>Length of the queue a worker tier scales on, at the last measurement.</summary>
    [JsonPropertyName("queueLength")]
    public long? QueueLength { get; set; }

    /// <summary>When the tier was last scaled.</summary>
    [JsonPropertyName("lastScaleTime")]
    public DateTime? LastScaleTime { get; set; }

    /// <summary>Why the tier was last scaled, for example <c>queue length 42 above target 5 per replica</c>.</summary>
    [JsonPropertyName("lastScaleReason")]
    public string? LastScaleReason { get; set; }

    /// <summary>Jobs moved back to the queue from the processing list of a worker that is gone.</summary>
    [JsonPropertyName("requeuedJobs")]
    public long? RequeuedJobs { get; set; }

    /// <summary>Label selector of the tier's pods, for the scale subresource.</summary>
    [JsonPropertyName("selector")]
    public string? Selector { get; set; }
}
