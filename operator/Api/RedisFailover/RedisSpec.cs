using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>The Redis servers of a RedisFailover.</summary>
public sealed class RedisSpec
{
    /// <summary>Number of Redis pods, the master included.</summary>
    [JsonPropertyName("replicas")]
    [Range(1, int.MaxValue)]
    [DefaultValue(3)]
    public int Replicas { get; set; } = 3;

    /// <summary>Container image of Redis.</summary>
    [JsonPropertyName("image")]
    [DefaultValue("redis:7.2")]
    public string Image { get; set; } = "redis:7.2";

    /// <summary>CPU and memory requests and limits of each Redis container.</summary>
    [JsonPropertyName("resources")]
    public V1ResourceRequirements? Resources { get; set; }

    /// <summary>Persistent storage of each Redis pod; data is in memory only when absent.</summary>
    [JsonPropertyName("storage")]
    public StorageSpec? Storage { get; set; }

    /// <summary>How Redis persists data to disk.</summary>
    [JsonPropertyName("persistence")]
    public RedisPersistenceSpec Persistence { get; set; } = new();

    /// <summary>The <c>maxmemory</c> directive, for example <c>256mb</c> or <c>1gb</c>.</summary>
    [JsonPropertyName("maxMemory")]
    [RegularExpression("^[0-9]+([kKmMgG][bB]?)?$")]
    public string? MaxMemory { get; set; }

    /// <summary>The <c>maxmemory-policy</c> directive: which keys Redis evicts at the memory limit.</summary>
    [JsonPropertyName("maxMemoryPolicy")]
    public MaxMemoryPolicy? MaxMemoryPolicy { get; set; }

    /// <summary>The slow log: which commands Redis records as slow, and how many.</summary>
    [JsonPropertyName("slowlog")]
    public SlowlogSpec Slowlog { get; set; } = new();

    /// <summary>Extra <c>redis.conf</c> directives by name; applied live with CONFIG SET where Redis allows it.</summary>
    [JsonPropertyName("config")]
    public IDictionary<string, string>? Config { get; set; }
}
