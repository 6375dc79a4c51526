using BackendStack.Operator.Api;
using BackendStack.Operator.PerconaClusters.Builders;
using BackendStack.Operator.PerconaClusters.Policy;
using BackendStack.Operator.PerconaClusters.Status;
using static BackendStack.Tests.PerconaClusterPolicy.PerconaClusterFixtures;

namespace BackendStack.Tests.PerconaClusterPolicy;

public sealed class ClusterStatusCalculatorTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);

    private static PerconaClusterStatus Compute(IReadOnlyList<GaleraNode> nodes, RecoveryDecision? recovery = null, PerconaCluster? cluster = null, IReadOnlyList<SpecError>? errors = null) =>
        ClusterStatusCalculator.Compute(new ClusterStatusInput(cluster ?? Cluster(), nodes, errors ?? [], new ScaleStep(3, null, null), false, recovery ?? RecoveryDecision.None, null, Now));

    private static V1ConditionView Condition(PerconaClusterStatus status, string type) =>
        new(status.Conditions!.Single(c => c.Type == type));

    [Fact]
    public void EveryNodeSyncedInOnePrimaryComponentIsReady()
    {
        var status = Compute([Node(0, Synced(3)), Node(1, Synced(3)), Node(2, Synced(3))]);
        Assert.Equal((Phase.Ready, 3, 3, true), (status.Phase!.Value, status.Size!.Value, status.Synced!.Value, status.PrimaryComponent!.Value));
        Assert.Equal("True", Condition(status, "Ready").Status);
        Assert.Equal("True", Condition(status, "QuorumHealthy").Status);
        Assert.Equal("False", Condition(status, "Degraded").Status);
        Assert.Equal("app.kubernetes.io/component=pxc,app.kubernetes.io/instance=db,app.kubernetes.io/name=perconacluster", status.Selector);
    }

    [Fact]
    public void AnEvictedNodeIsNamedWithWhatItLacks()
    {
        var status = Compute([Node(0, Synced(2)), Node(1, null, running: false, ready: false), Node(2, Synced(2))]);
        var ready = Condition(status, "Ready");
        Assert.Equal("False", ready.Status);
        Assert.Contains("db-pxc-1 is not running", ready.Message, StringComparison.Ordinal);
        Assert.Contains("db-pxc-0 sees a cluster of 2, not 3", ready.Message, StringComparison.Ordinal);
        Assert.Equal("Down", status.Nodes!.Single(n => n.Pod == "db-pxc-1").State);
        Assert.Equal(Phase.Degraded, status.Phase);
    }

    [Fact]
    public void ANonPrimaryNodeFailsQuorumHealthy()
    {
        var status = Compute([Node(0, NonPrimary(5)), Node(1, Synced(2)), Node(2, Synced(2))]);
        Assert.Equal(("False", "NonPrimaryNode"), (Condition(status, "QuorumHealthy").Status, Condition(status, "QuorumHealthy").Reason));
        Assert.Contains("db-pxc-0 reports non-Primary component", Condition(status, "QuorumHealthy").Message, StringComparison.Ordinal);
        Assert.False(status.PrimaryComponent);
    }

    [Fact]
    public void AFullCrashWithoutAutoRecoveryIsDegradedWithTheMessage()
    {
        var status = Compute([Waiting(0, 4), Waiting(1, 5), Waiting(2, 3)], new RecoveryDecision(null, null, null, "every node is down", false));
        Assert.Equal(("True", "FullCrash", "every node is down"), (Condition(status, "Degraded").Status, Condition(status, "Degraded").Reason, Condition(status, "Degraded").Message));
        Assert.Equal([4L, 5L, 3L], status.Nodes!.Select(n => n.Seqno!.Value));
    }

    [Fact]
    public void InvalidSpecIsDegradedNamingTheField()
    {
        var status = Compute([], errors: [new SpecError("spec.mysqlConfig", "line 1: binlog_format must be ROW for Galera")]);
        Assert.Equal(("True", "InvalidSpec"), (Condition(status, "Degraded").Status, Condition(status, "Degraded").Reason));
        Assert.Contains("spec.mysqlConfig: line 1", Condition(status, "Degraded").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APausedClusterWithNoNodesIsPaused()
    {
        var paused = Cluster();
        paused.Spec.Pause = true;
        var status = Compute([], cluster: paused);
        Assert.Equal((Phase.Paused, "True"), (status.Phase!.Value, Condition(status, "Paused").Status));
        Assert.Equal("False", Condition(status, "Ready").Status);
    }

    private sealed record V1ConditionView(string Status, string Reason, string Message)
    {
        public V1ConditionView(k8s.Models.V1Condition condition)
            : this(condition.Status, condition.Reason, condition.Message)
        {
        }
    }
}
