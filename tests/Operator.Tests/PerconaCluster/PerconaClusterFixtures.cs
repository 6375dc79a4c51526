using BackendStack.Operator.Api;
using BackendStack.Operator.DataPlane.Galera;
using BackendStack.Operator.PerconaClusters.Policy;
using k8s.Models;

namespace BackendStack.Tests.PerconaClusterPolicy;

/// <summary>Resources and observed nodes for the PerconaCluster unit tests.</summary>
internal static class PerconaClusterFixtures
{
    public static PerconaCluster Cluster(int size = 3, string? mysqlConfig = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "db", NamespaceProperty = "shop", Uid = "uid-1", Generation = 1 },
        Spec = new PerconaClusterSpec { Size = size, MysqlConfig = mysqlConfig },
    };

    public static GaleraNodeState Synced(int clusterSize, long committed = 10) =>
        new("Synced", clusterSize, "Primary", true, committed, "uuid", 0, 0);

    public static GaleraNodeState NonPrimary(long committed) => new("Initialized", 1, "non-Primary", false, committed, "uuid", 0, 0);

    public static GaleraNode Node(int ordinal, GaleraNodeState? state, bool running = true, bool ready = true, string revision = "r1", GaleraNodeSeqno? position = null) =>
        new($"db-pxc-{ordinal}", ordinal, running, ready, revision, state, position);

    public static GaleraNode Waiting(int ordinal, long? seqno, bool safe = false) =>
        Node(ordinal, GaleraNodeState.Unreachable("connection refused"), ready: false, position: new GaleraNodeSeqno(ordinal, seqno, safe));
}
