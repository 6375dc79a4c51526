using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The Galera state of one node.</summary>
public sealed class GaleraNodeStatus
{
    /// <summary>Name of the node's pod.</summary>
    [JsonPropertyName("pod")]
    public string? Pod { get; set; }

    /// <summary>The node's <c>wsrep_local_state_comment</c>, for example <c>Synced</c> or <c>Donor/Desynced</c>.</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>The node's <c>wsrep_cluster_size</c>.</summary>
    [JsonPropertyName("clusterSize")]
    public int? ClusterSize { get; set; }

    /// <summary>Whether the node accepts queries (<c>wsrep_ready</c>).</summary>
    [JsonPropertyName("ready")]
    public bool? Ready { get; set; }

    /// <summary>The node's last committed sequence number.</summary>
    [JsonPropertyName("seqno")]
    public long? Seqno { get; set; }
}
