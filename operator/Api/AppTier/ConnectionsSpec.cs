using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The backing services a tier uses; the app never hard-codes their addresses.</summary>
public sealed class ConnectionsSpec
{
    /// <summary>The database, through a ProxySQL.</summary>
    [JsonPropertyName("database")]
    public DatabaseConnectionSpec? Database { get; set; }

    /// <summary>Redis, through a RedisFailover.</summary>
    [JsonPropertyName("redis")]
    public RedisConnectionSpec? Redis { get; set; }

    /// <summary>Shared file volumes to mount.</summary>
    [JsonPropertyName("volumes")]
    public IList<VolumeConnectionSpec>? Volumes { get; set; }
}
