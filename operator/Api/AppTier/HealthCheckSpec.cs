using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The HTTP endpoint that tells whether a pod is healthy.</summary>
public sealed class HealthCheckSpec
{
    /// <summary>HTTP path of the health endpoint.</summary>
    [JsonPropertyName("path")]
    [RegularExpression("^/.*$")]
    [DefaultValue("/healthz")]
    public string Path { get; set; } = "/healthz";

    /// <summary>Port of the health endpoint; the tier's <c>port</c> when absent.</summary>
    [JsonPropertyName("port")]
    [Range(1, 65535)]
    public int? Port { get; set; }
}
