using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The observed state of a RedisFailover.</summary>
public sealed class RedisFailoverStatus : ResourceStatus
{
    /// <summary>One word summarising the state.</summary>
    [JsonPropertyName("phase")]
    public Phase? Phase { get; set; }

    /// <summary>The current master.</summary>
    [JsonPropertyName("master")]
    public RedisMasterStatus? Master { get; set; }

    /// <summary>Redis pods ready out of all.</summary>
    [JsonPropertyName("redis")]
    public ReadyCount? Redis { get; set; }

    /// <summary>Sentinels ready out of all, and how many agree on the master.</summary>
    [JsonPropertyName("sentinels")]
    public SentinelCount? Sentinels { get; set; }

    /// <summary>Redis pods ready out of all as text (for example <c>3/3</c>), for <c>kubectl get</c>.</summary>
    [JsonPropertyName("redisReady")]
    public string? RedisReady { get; set; }

    /// <summary>Sentinels ready out of all as text (for example <c>3/3</c>), for <c>kubectl get</c>.</summary>
    [JsonPropertyName("sentinelsReady")]
    public string? SentinelsReady { get; set; }

    /// <summary>Number of failovers observed since the resource was created.</summary>
    [JsonPropertyName("failovers")]
    public int? Failovers { get; set; }

    /// <summary>Second masters (split brain) the operator turned back into replicas of the agreed master since the resource was created.</summary>
    [JsonPropertyName("splitBrainsResolved")]
    public int? SplitBrainsResolved { get; set; }

    /// <summary>The most recent failover.</summary>
    [JsonPropertyName("lastFailover")]
    public FailoverRecord? LastFailover { get; set; }

    /// <summary>Where clients connect.</summary>
    [JsonPropertyName("endpoints")]
    public RedisEndpoints? Endpoints { get; set; }

    /// <summary>Label selector of the Redis pods, for the scale subresource.</summary>
    [JsonPropertyName("selector")]
    public string? Selector { get; set; }
}
