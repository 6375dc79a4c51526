using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>The Sentinels of a RedisFailover.</summary>
[CelRule("self.replicas % 2 == 1", Message = "sentinel.replicas must be odd", FieldPath = ".replicas")]
[CelRule("!has(self.quorum) || self.quorum <= self.replicas", Message = "sentinel.quorum must not exceed sentinel.replicas", FieldPath = ".quorum")]
public sealed class SentinelSpec
{
    /// <summary>Number of Sentinels: odd and at least 3, so a majority survives the loss of one.</summary>
    [JsonPropertyName("replicas")]
    [Range(3, int.MaxValue)]
    [DefaultValue(3)]
    public int Replicas { get; set; } = 3;

    /// <summary>Sentinels that must agree the master is down; a majority of <c>replicas</c> when absent.</summary>
    [JsonPropertyName("quorum")]
    [Range(1, int.MaxValue)]
    public int? Quorum { get; set; }

    /// <summary>Milliseconds without a reply before a Sentinel considers the master down.</summary>
    [JsonPropertyName("downAfterMilliseconds")]
    [Range(1, int.MaxValue)]
    [DefaultValue(5000)]
    public int DownAfterMilliseconds { get; set; } = 5000;

    /// <summary>Milliseconds a failover may take before Sentinel tries again.</summary>
    [JsonPropertyName("failoverTimeout")]
    [Range(1, int.MaxValue)]
    [DefaultValue(10000)]
    public int FailoverTimeout { get; set; } = 10000;

    /// <summary>Replicas that resynchronise with a new master at the same time.</summary>
    [JsonPropertyName("parallelSyncs")]
    [Range(1, int.MaxValue)]
    [DefaultValue(1)]
    public int ParallelSyncs { get; set; } = 1;

    /// <summary>CPU and memory requests and limits of each Sentinel container.</summary>
    [JsonPropertyName("resources")]
    public V1ResourceRequirements? Resources { get; set; }
}
