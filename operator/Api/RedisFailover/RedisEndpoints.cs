using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The addresses clients use, as <c>host:port</c>.</summary>
public sealed class RedisEndpoints
{
    /// <summary>Service that always points at the master (reads and writes).</summary>
    [JsonPropertyName("master")]
    public string? Master { get; set; }

    /// <summary>Service of the replicas (reads that tolerate lag).</summary>
    [JsonPropertyName("replicas")]
    public string? Replicas { get; set; }

    /// <summary>Service of the Sentinels, for Sentinel-aware clients.</summary>
    [JsonPropertyName("sentinel")]
    public string? Sentinel { get; set; }

    /// <summary>The master name Sentinel-aware clients ask for.</summary>
    [JsonPropertyName("masterName")]
    public string? MasterName { get; set; }
}
