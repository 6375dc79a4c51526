using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Healing;
using BackendStack.Operator.RedisFailovers.Policy;
using static BackendStack.Tests.RedisPolicy.Observed;

namespace BackendStack.Tests.RedisPolicy;

/// <summary>
/// When the operator picks the master itself (Sentinel lacks a quorum, knows none, or gave up on a dead master), a pod that
/// answers as a master nobody follows is not chosen over a replica holding more data: following it would make that
/// replica resync from it and drop the data. The replica is promoted instead.
/// </summary>
public sealed class RicherReplicaTests
{
    // Pod 0 was the master and is gone; pod 1 came back as a master of its own with nothing; pod 2 holds the stream.
    private static readonly RedisNodeObservation[] EmptyMasterAndRicherReplica =
        [Down(0), Master(1, offset: 0), Replica(2, of: 0, offset: 1000, linkUp: false)];

    private static SentinelObservation[] Strangers() =>
        [Sentinel(1, 0, [], [], "master,s_down"), Sentinel(2, 0, [], [], "master,s_down"), Sentinel(3, 0, [], [], "master,s_down")];

    [Fact]
    public void AfterSentinelGaveUpTheReplicaWithTheDataIsPromotedNotTheEmptyMaster()
    {
        var input = new HealInput(EmptyMasterAndRicherReplica, Strangers(), Settings)
        {
            NotMasterFor = new Dictionary<RedisEndpoint, TimeSpan> { [Redis(0)] = HealPlanner.SentinelGiveUpAfter(Settings) * 2 },
        };

        var plan = HealPlanner.Plan(input);

        var promotion = Assert.IsType<PromoteReplica>(Assert.Single(plan.Actions));
        Assert.Equal(Redis(2), promotion.Node.Endpoint);
        Assert.Equal(Redis(2), plan.Master);
    }

    [Fact]
    public void OnceThePromotedReplicaIsAMasterItIsFollowedAndTheEmptyOneBecomesItsReplica()
    {
        var input = new HealInput([Down(0), Master(1, offset: 0), Master(2, offset: 1000)], Strangers(), Settings)
        {
            NotMasterFor = new Dictionary<RedisEndpoint, TimeSpan> { [Redis(0)] = HealPlanner.SentinelGiveUpAfter(Settings) * 2 },
        };

        var plan = HealPlanner.Plan(input);

        Assert.Equal(Redis(2), plan.Master);
        Assert.Contains(plan.Actions, a => a is RepointReplica { Node.Endpoint: var e } && e == Redis(1));
    }

    [Fact]
    public void SentinelsThatKnowNothingDoNotMakeTheEmptyMasterWinEither()
    {
        SentinelObservation[] forgotten = [SentinelObservation.NotMonitoring(SentinelAt(1)), SentinelObservation.NotMonitoring(SentinelAt(2)), SentinelObservation.NotMonitoring(SentinelAt(3))];

        var plan = HealPlanner.Plan(new HealInput(EmptyMasterAndRicherReplica, forgotten, Settings));

        Assert.Equal(SentinelAgreementKind.Unmonitored, plan.Agreement.Kind);
        Assert.Equal(Redis(2), Assert.IsType<PromoteReplica>(Assert.Single(plan.Actions)).Node.Endpoint);
    }

    [Fact]
    public void AMasterThatReplicasFollowIsKeptWhateverItsOffset()
    {
        // Sentinels unreachable (no quorum); pod 1 is a master that pod 2 follows: it is the live master.
        var input = new HealInput([Down(0), Master(1, offset: 10, replicas: 1), Replica(2, of: 1, offset: 10)], [], Settings);

        var plan = HealPlanner.Plan(input);

        Assert.Equal(Redis(1), plan.Master);
        Assert.DoesNotContain(plan.Actions, a => a is PromoteReplica);
    }
}
