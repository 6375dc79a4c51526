using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The keys Redis evicts when it reaches <c>maxmemory</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MaxMemoryPolicy>))]
public enum MaxMemoryPolicy
{
    /// <summary>Evict nothing; writes fail at the limit (queues and locks need this).</summary>
    [JsonStringEnumMemberName("noeviction")]
    NoEviction,

    /// <summary>Evict the least recently used keys.</summary>
    [JsonStringEnumMemberName("allkeys-lru")]
    AllKeysLru,

    /// <summary>Evict the least frequently used keys.</summary>
    [JsonStringEnumMemberName("allkeys-lfu")]
    AllKeysLfu,

    /// <summary>Evict random keys.</summary>
    [JsonStringEnumMemberName("allkeys-random")]
    AllKeysRandom,

    /// <summary>Evict the least recently used keys that have an expiry.</summary>
    [JsonStringEnumMemberName("volatile-lru")]
    VolatileLru,

    /// <summary>Evict the least frequently used keys that have an expiry.</summary>
    [JsonStringEnumMemberName("volatile-lfu")]
    VolatileLfu,

    /// <summary>Evict random keys that have an expiry.</summary>
    [JsonStringEnumMemberName("volatile-random")]
    VolatileRandom,

    /// <summary>Evict the keys with an expiry that expire soonest.</summary>
    [JsonStringEnumMemberName("volatile-ttl")]
    VolatileTtl,
}
