using BackendStack.Operator.DataPlane.Galera;
using BackendStack.Operator.PerconaClusters.Policy;
using static BackendStack.Tests.PerconaClusterPolicy.PerconaClusterFixtures;

namespace BackendStack.Tests.PerconaClusterPolicy;

public sealed class RecoveryPolicyTests
{
    [Fact]
    public void NothingWhileAnyNodeIsPrimary() =>
        Assert.Same(RecoveryDecision.None, RecoveryPolicy.Decide("db", true, 3, [Node(0, Synced(1)), Waiting(1, 50), Waiting(2, 60)], true, null));

    [Fact]
    public void NothingForAClusterThatNeverFormed() =>
        Assert.Same(RecoveryDecision.None, RecoveryPolicy.Decide("db", false, 3, [Waiting(0, null), Waiting(1, null), Waiting(2, null)], true, null));

    [Fact]
    public void WaitsWhileANodeIsNotRunningOrMissing()
    {
        Assert.Contains("db-pxc-1 is not running", RecoveryPolicy.Decide("db", true, 3, [Waiting(0, 5), Node(1, null, running: false), Waiting(2, 6)], true, null).Waiting, StringComparison.Ordinal);
        Assert.Contains("do not exist yet", RecoveryPolicy.Decide("db", true, 3, [Waiting(0, 5), Waiting(1, 6)], true, null).Waiting, StringComparison.Ordinal);
    }

    [Fact]
    public void AsksForPositionsOfNodesThatDoNotAnswer()
    {
        var unread = Node(1, GaleraNodeState.Unreachable("refused"), ready: false);
        Assert.True(RecoveryPolicy.Decide("db", true, 2, [Waiting(0, 5), unread], true, null).NeedsPositions);
    }

    [Fact]
    public void BootstrapsTheHighestSeqnoCountingALiveNonPrimaryNodesLastCommitted()
    {
        var decision = RecoveryPolicy.Decide("db", true, 3, [Waiting(0, 40), Node(1, NonPrimary(70)), Waiting(2, 65)], true, null);
        Assert.Equal(("db-pxc-1", 70L), (decision.Bootstrap?.Pod, decision.Seqno));
    }

    [Fact]
    public void AnUnknownSeqnoBlocksTheChoice()
    {
        var decision = RecoveryPolicy.Decide("db", true, 3, [Waiting(0, 40), Waiting(1, null) with { PositionError = "no position recorded yet" }, Waiting(2, 65)], true, null);
        Assert.Null(decision.Bootstrap);
        Assert.Contains("db-pxc-1 (no position recorded yet)", decision.Waiting, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAutoRecoveryItReportsEverySeqnoAndTheAnnotationToSet()
    {
        var decision = RecoveryPolicy.Decide("db", true, 3, [Waiting(0, 40), Waiting(1, 41), Waiting(2, 39)], false, null);
        Assert.Null(decision.Bootstrap);
        Assert.Contains("db-pxc-0 seqno 40, db-pxc-1 seqno 41, db-pxc-2 seqno 39", decision.FullCrash, StringComparison.Ordinal);
        Assert.Contains("kubectl annotate pxc db backendstack.io/bootstrap-from=db-pxc-1", decision.FullCrash, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAutoRecoveryTheAnnotatedNodeIsBootstrapped() =>
        Assert.Equal("db-pxc-2", RecoveryPolicy.Decide("db", true, 3, [Waiting(0, 40), Waiting(1, 41), Waiting(2, 39)], false, "db-pxc-2").Bootstrap?.Pod);

    [Fact]
    public void WithoutAutoRecoveryACleanlyStoppedLastNodeStillStartsByItself() =>
        Assert.Equal("db-pxc-0", RecoveryPolicy.Decide("db", true, 1, [Waiting(0, 80, safe: true)], false, null).Bootstrap?.Pod);

    [Fact]
    public void PositionOutputParsesSeqnoAndSafeToBootstrap()
    {
        Assert.Equal(new GaleraNodeSeqno(2, 65, true), NodePosition.Parse(2, "uuid=abc\nseqno=65\nsafe_to_bootstrap=1\n"));
        Assert.Equal(new GaleraNodeSeqno(1, null, false), NodePosition.Parse(1, "uuid=abc\nseqno=-1\nsafe_to_bootstrap=0\n"));
        Assert.Equal(new GaleraNodeSeqno(0, null, false), NodePosition.Parse(0, ""));
    }
}
