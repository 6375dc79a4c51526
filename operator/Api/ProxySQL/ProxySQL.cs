using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>ProxySQL in front of a PerconaCluster: connection pooling, read/write split, and routing away from a dead node.</summary>
[KubernetesEntity(Group = ApiGroup.Group, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("pxy")]
[PrinterColumn(1, "CLUSTER", ".spec.clusterRef.name", Description = "The PerconaCluster behind it")]
[PrinterColumn(2, "WRITER", ".status.writer", Description = "Node that takes writes")]
public sealed class ProxySQL : CustomResource<ProxySQLSpec, ProxySQLStatus>
{
    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "proxysqls";

    /// <summary>The kind's name.</summary>
    public const string KindName = "ProxySQL";

    /// <summary>An empty ProxySQL with apiVersion and kind set.</summary>
    public ProxySQL()
        : base(KindName)
    {
    }
}
