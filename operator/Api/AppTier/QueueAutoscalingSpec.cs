using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>Scaling a worker tier on the length of a Redis list used as a job queue.</summary>
[CelRule("has(self.redisRef) && has(self.list)", Message = "autoscaling.queue needs redisRef and list", FieldPath = ".list")]
public sealed class QueueAutoscalingSpec
{
    /// <summary>The RedisFailover in the same namespace that holds the queue.</summary>
    [JsonPropertyName("redisRef")]
    public LocalObjectReference? RedisRef { get; set; }

    /// <summary>Key of the Redis list whose length is the number of waiting jobs.</summary>
    [JsonPropertyName("list")]
    [MinLength(1)]
    public string? List { get; set; }

    /// <summary>Waiting jobs one worker pod is expected to handle.</summary>
    [JsonPropertyName("targetPerReplica")]
    [Range(1, int.MaxValue)]
    [DefaultValue(5)]
    public int TargetPerReplica { get; set; } = 5;

    /// <summary>Queue length above which a tier at zero pods is woken up.</summary>
    [JsonPropertyName("activationLength")]
    [Range(0, int.MaxValue)]
    [DefaultValue(0)]
    public int ActivationLength { get; set; }
}
