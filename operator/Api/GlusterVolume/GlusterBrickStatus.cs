using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>One brick of a GlusterVolume.</summary>
public sealed class GlusterBrickStatus
{
    /// <summary>Pod serving the brick.</summary>
    [JsonPropertyName("pod")]
    public string? Pod { get; set; }

    /// <summary>Directory of the brick inside the pod.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>Whether the brick process is online.</summary>
    [JsonPropertyName("online")]
    public bool? Online { get; set; }
}
