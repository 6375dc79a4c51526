using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The observed state of a ProxySQL.</summary>
public sealed class ProxySQLStatus : ResourceStatus
{
    /// <summary>One word summarising the state.</summary>
    [JsonPropertyName("phase")]
    public Phase? Phase { get; set; }

    /// <summary>The database nodes ProxySQL routes to, by hostgroup.</summary>
    [JsonPropertyName("backends")]
    public IList<ProxySQLBackendStatus>? Backends { get; set; }

    /// <summary>Host of the node that currently takes writes.</summary>
    [JsonPropertyName("writer")]
    public string? Writer { get; set; }

    /// <summary>Where applications connect, as <c>host:port</c>.</summary>
    [JsonPropertyName("endpoint")]
    public string? Endpoint { get; set; }
}
