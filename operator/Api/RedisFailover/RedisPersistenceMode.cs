using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>How Redis persists its data set.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RedisPersistenceMode>))]
public enum RedisPersistenceMode
{
    /// <summary>Point-in-time snapshots (BGSAVE) by the save rules.</summary>
    [JsonStringEnumMemberName("rdb")]
    Rdb,

    /// <summary>An append-only file of every write.</summary>
    [JsonStringEnumMemberName("aof")]
    Aof,

    /// <summary>No persistence; data lives in memory and on the replicas only.</summary>
    [JsonStringEnumMemberName("none")]
    None,
}
