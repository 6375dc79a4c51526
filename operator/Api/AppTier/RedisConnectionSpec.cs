using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>A Redis connection, injected as environment variables.</summary>
public sealed class RedisConnectionSpec
{
    /// <summary>The RedisFailover in the same namespace the tier connects to.</summary>
    [JsonPropertyName("redisRef")]
    [Required]
    public LocalObjectReference RedisRef { get; set; } = new();
}
