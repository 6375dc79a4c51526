using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The desired state of a RedisFailover.</summary>
public sealed class RedisFailoverSpec
{
    /// <summary>The Redis servers: one master and its replicas.</summary>
    [JsonPropertyName("redis")]
    public RedisSpec Redis { get; set; } = new();

    /// <summary>The Sentinels that watch the master and fail over when it is down.</summary>
    [JsonPropertyName("sentinel")]
    public SentinelSpec Sentinel { get; set; } = new();

    /// <summary>Authentication; a Secret named <c>&lt;name&gt;-redis-auth</c> is generated when absent.</summary>
    [JsonPropertyName("auth")]
    public RedisAuthSpec? Auth { get; set; }
}
