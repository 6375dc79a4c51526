using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The observed state of a PerconaCluster.</summary>
public sealed class PerconaClusterStatus : ResourceStatus
{
    /// <summary>One word summarising the state.</summary>
    [JsonPropertyName("phase")]
    public Phase? Phase { get; set; }

    /// <summary>Number of node pods that exist.</summary>
    [JsonPropertyName("size")]
    public int? Size { get; set; }

    /// <summary>Number of node pods that are ready.</summary>
    [JsonPropertyName("ready")]
    public int? Ready { get; set; }

    /// <summary>Number of nodes whose Galera state is <c>Synced</c>.</summary>
    [JsonPropertyName("synced")]
    public int? Synced { get; set; }

    /// <summary>Whether every reachable node reports a Primary component.</summary>
    [JsonPropertyName("primaryComponent")]
    public bool? PrimaryComponent { get; set; }

    /// <summary>The Galera state of each node.</summary>
    [JsonPropertyName("nodes")]
    public IList<GaleraNodeStatus>? Nodes { get; set; }

    /// <summary>The most recent bootstrap after a full crash.</summary>
    [JsonPropertyName("lastRecovery")]
    public GaleraRecoveryRecord? LastRecovery { get; set; }

    /// <summary>Label selector of the node pods, for the scale subresource.</summary>
    [JsonPropertyName("selector")]
    public string? Selector { get; set; }
}
