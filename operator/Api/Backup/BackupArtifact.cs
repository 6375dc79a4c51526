using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The file a logical backup wrote.</summary>
public sealed class BackupArtifact
{
    /// <summary>The claim the dump was written to.</summary>
    [JsonPropertyName("pvc")]
    public string? Pvc { get; set; }

    /// <summary>The dump's path inside that claim.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>The dump's size in bytes.</summary>
    [JsonPropertyName("bytes")]
    public long? Bytes { get; set; }
}
