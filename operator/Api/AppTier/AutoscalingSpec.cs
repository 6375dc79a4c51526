using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>How an AppTier scales between its bounds.</summary>
[CelRule("self.minReplicas <= self.maxReplicas", Message = "autoscaling.minReplicas must not exceed autoscaling.maxReplicas", FieldPath = ".minReplicas")]
[CelRule("has(self.cpu) || has(self.queue)", Message = "autoscaling needs cpu or queue", FieldPath = ".cpu")]
public sealed class AutoscalingSpec
{
    /// <summary>Fewest pods; 0 lets a queue worker tier scale to zero when the queue is empty.</summary>
    [JsonPropertyName("minReplicas")]
    [Range(0, int.MaxValue)]
    [DefaultValue(1)]
    public int MinReplicas { get; set; } = 1;

    /// <summary>Most pods.</summary>
    [JsonPropertyName("maxReplicas")]
    [Required]
    [Range(1, int.MaxValue)]
    public int MaxReplicas { get; set; }

    /// <summary>Scale on CPU utilisation, rendered as a HorizontalPodAutoscaler.</summary>
    [JsonPropertyName("cpu")]
    public CpuAutoscalingSpec? Cpu { get; set; }

    /// <summary>Scale a worker tier on the length of a Redis list.</summary>
    [JsonPropertyName("queue")]
    public QueueAutoscalingSpec? Queue { get; set; }

    /// <summary>Seconds a higher desired count must persist before scaling up.</summary>
    [JsonPropertyName("scaleUpStabilizationSeconds")]
    [Range(0, 3600)]
    [DefaultValue(0)]
    public int ScaleUpStabilizationSeconds { get; set; }

    /// <summary>Seconds a lower desired count must persist before scaling down.</summary>
    [JsonPropertyName("scaleDownStabilizationSeconds")]
    [Range(0, 3600)]
    [DefaultValue(300)]
    public int ScaleDownStabilizationSeconds { get; set; } = 300;
}
