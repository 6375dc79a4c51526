using BackendStack.Operator.Api;
using BackendStack.Operator.ProxySQLs.Admin;
using k8s.Models;

namespace BackendStack.Tests.ProxySQLPolicy;

public sealed class BackendNodesTests
{
    private static V1Pod Pod(string name, string? ip, bool ready, string instance = "db") => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "shop",
            Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "perconacluster", ["app.kubernetes.io/instance"] = instance },
        },
        Status = new V1PodStatus { PodIP = ip, Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }] },
    };

    private static PerconaCluster Cluster(params (string Pod, string State)[] nodes) => new()
    {
        Metadata = new V1ObjectMeta { Name = "db", NamespaceProperty = "shop" },
        Status = new PerconaClusterStatus { Nodes = [.. nodes.Select(n => new GaleraNodeStatus { Pod = n.Pod, State = n.State })] },
    };

    [Fact]
    public void EveryPodOfTheClusterWithAnIPIsABackendByIP()
    {
        var nodes = BackendNodes.From(Cluster(), [Pod("db-pxc-1", "127.0.1.11", true), Pod("db-pxc-0", "127.0.1.10", true), Pod("db-pxc-2", null, false), Pod("other-pxc-0", "127.0.2.10", true, "other")]);

        Assert.Equal([new BackendNode("db-pxc-0", "127.0.1.10", false), new BackendNode("db-pxc-1", "127.0.1.11", false)], nodes);
    }

    [Fact]
    public void ANodeNotReadyOrNotSyncedIsTakenOut()
    {
        var cluster = Cluster(("db-pxc-0", "Synced"), ("db-pxc-1", "Donor/Desynced"), ("db-pxc-2", "Synced"));

        var nodes = BackendNodes.From(cluster, [Pod("db-pxc-0", "127.0.1.10", true), Pod("db-pxc-1", "127.0.1.11", true), Pod("db-pxc-2", "127.0.1.12", false)]);

        Assert.Equal([false, true, true], nodes.Select(n => n.TakeOut));
    }

    [Fact]
    public void ANodeARollIsAboutToRestartIsTakenOutThoughReadyAndSynced()
    {
        var leaving = Pod("db-pxc-2", "127.0.1.12", true);
        leaving.Metadata.Annotations = new Dictionary<string, string> { [Operator.PerconaClusters.Builders.PerconaClusterLabels.LeavingWriterAnnotation] = "2026-12-03T10:00:00Z" };

        var nodes = BackendNodes.From(Cluster(("db-pxc-1", "Synced"), ("db-pxc-2", "Synced")), [Pod("db-pxc-1", "127.0.1.11", true), leaving]);

        Assert.Equal([false, true], nodes.Select(n => n.TakeOut));
    }
}
