using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>One bootstrap of a Galera cluster after a full crash.</summary>
public sealed class GaleraRecoveryRecord
{
    /// <summary>When the cluster was bootstrapped.</summary>
    [JsonPropertyName("time")]
    public DateTime? Time { get; set; }

    /// <summary>Pod the cluster was bootstrapped from (the one with the highest seqno).</summary>
    [JsonPropertyName("bootstrapPod")]
    public string? BootstrapPod { get; set; }

    /// <summary>The seqno of the bootstrap node.</summary>
    [JsonPropertyName("seqno")]
    public long? Seqno { get; set; }
}
