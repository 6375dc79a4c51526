using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>How a backup was made consistent.</summary>
public sealed class BackupConsistency
{
    /// <summary>The technique, for example <c>galera-desync</c> or <c>redis-bgsave</c>.</summary>
    [JsonPropertyName("method")]
    public string? Method { get; set; }

    /// <summary>Pod the snapshot was taken on.</summary>
    [JsonPropertyName("node")]
    public string? Node { get; set; }

    /// <summary>The Galera seqno of the node at the snapshot.</summary>
    [JsonPropertyName("seqno")]
    public long? Seqno { get; set; }
}
