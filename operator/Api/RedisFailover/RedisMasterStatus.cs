using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The Redis master as Sentinel reports it.</summary>
public sealed class RedisMasterStatus
{
    /// <summary>Name of the master's pod.</summary>
    [JsonPropertyName("pod")]
    public string? Pod { get; set; }

    /// <summary>IP address of the master.</summary>
    [JsonPropertyName("ip")]
    public string? Ip { get; set; }

    /// <summary>Port of the master.</summary>
    [JsonPropertyName("port")]
    public int? Port { get; set; }

    /// <summary>When this pod became master.</summary>
    [JsonPropertyName("since")]
    public DateTime? Since { get; set; }
}
