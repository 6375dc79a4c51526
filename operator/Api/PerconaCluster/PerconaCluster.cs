using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>A Percona XtraDB Cluster: Galera replication where every node takes writes.</summary>
[KubernetesEntity(Group = ApiGroup.Group, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("pxc")]
[PrinterColumn(1, "SIZE", ".status.size", Type = "integer", Description = "Node pods that exist")]
[PrinterColumn(2, "SYNCED", ".status.synced", Type = "integer", Description = "Nodes in the Synced state")]
[PrinterColumn(3, "PRIMARY", ".status.primaryComponent", Type = "boolean", Description = "Whether every reachable node is in a Primary component")]
[ScaleSubresource(".spec.size", ".status.size", LabelSelectorPath = ".status.selector")]
public sealed class PerconaCluster : CustomResource<PerconaClusterSpec, PerconaClusterStatus>
{
    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "perconaclusters";

    /// <summary>The kind's name.</summary>
    public const string KindName = "PerconaCluster";

    /// <summary>An empty PerconaCluster with apiVersion and kind set.</summary>
    public PerconaCluster()
        : base(KindName)
    {
    }
}
