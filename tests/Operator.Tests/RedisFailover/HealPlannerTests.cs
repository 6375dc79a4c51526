using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Policy;
using static BackendStack.Tests.RedisPolicy.Observed;

namespace BackendStack.Tests.RedisPolicy;

public sealed class HealPlannerTests
{
    private static HealPlan Plan(RedisNodeObservation[] nodes, SentinelObservation[] sentinels) =>
        HealPlanner.Plan(new HealInput(nodes, sentinels, Settings));

    [Fact]
    public void HealthyClusterPlansNothing()
    {
        var plan = Plan([Master(0, replicas: 2), Replica(1, of: 0), Replica(2, of: 0)], Sentinels(0, 1, 2));

        Assert.Equal(SentinelAgreementKind.Agreed, plan.Agreement.Kind);
        Assert.Equal(Redis(0), plan.Master);
        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void BootstrapMakesPodZeroMasterThenEverySentinelMonitorsItOnceTheReplicasFollow()
    {
        SentinelObservation[] unmonitored = [SentinelObservation.NotMonitoring(SentinelAt(1)), SentinelObservation.NotMonitoring(SentinelAt(2)), SentinelObservation.NotMonitoring(SentinelAt(3))];
        var first = Plan([Master(0, 0), Master(1, 0), Master(2, 0)], unmonitored);

        Assert.Equal(Redis(0), first.Master);
        Assert.Equal([new RepointReplica(Master(1, 0), Redis(0)), new RepointReplica(Master(2, 0), Redis(0))], first.Actions);

        // The next check: the replicas follow pod 0, so the master's INFO the sentinels read first lists them.
        var second = Plan([Master(0, 0, replicas: 2), Replica(1, of: 0, offset: 0), Replica(2, of: 0, offset: 0)], unmonitored);
        Assert.Equal(
            [
                new MonitorMaster(SentinelAt(1), Redis(0), Settings, false),
                new MonitorMaster(SentinelAt(2), Redis(0), Settings, false),
                new MonitorMaster(SentinelAt(3), Redis(0), Settings, false),
            ],
            second.Actions);
    }

    [Fact]
    public void BootstrapWaitsForEveryFreshPodToAnswer()
    {
        SentinelObservation[] unmonitored = [SentinelObservation.NotMonitoring(SentinelAt(1)), SentinelObservation.NotMonitoring(SentinelAt(2)), SentinelObservation.NotMonitoring(SentinelAt(3))];

        Assert.Empty(Plan([Down(0), Master(1, 0), Master(2, 0)], unmonitored).Actions);
        Assert.Equal(Redis(1), Plan([Down(0), Master(1, 900), Replica(2, of: 1)], unmonitored).Master);
    }

    [Fact]
    public void BootstrapWaitsForPodsWithoutAnAddressAndForSentinelsStillStarting()
    {
        SentinelObservation[] starting = [SentinelObservation.Unreachable(SentinelAt(1)), SentinelObservation.Unreachable(SentinelAt(2)), SentinelObservation.Unreachable(SentinelAt(3))];
        HealPlan PlanFor(RedisNodeObservation[] nodes, SentinelObservation[] sentinels) =>
            HealPlanner.Plan(new HealInput(nodes, sentinels, Settings) { ExpectedNodes = 3 });

        // Pod 0 has no address yet: only pods 1 and 2 are observed.
        SentinelObservation[] unmonitored = [SentinelObservation.NotMonitoring(SentinelAt(1)), SentinelObservation.NotMonitoring(SentinelAt(2)), SentinelObservation.NotMonitoring(SentinelAt(3))];
        Assert.Empty(PlanFor([Master(1, 0), Master(2, 0)], unmonitored).Actions);
        Assert.Equal(Redis(1), HealPlanner.Plan(new HealInput([Master(1, 0), Master(2, 0)], unmonitored, Settings)).Master);
        Assert.Equal(SentinelAgreementKind.NoQuorum, PlanFor([Down(0), Master(1, 0), Master(2, 0)], starting).Agreement.Kind);
        Assert.Empty(PlanFor([Down(0), Master(1, 0), Master(2, 0)], starting).Actions);
        Assert.Equal(Redis(0), PlanFor([Master(0, 0), Master(1, 0), Master(2, 0)], starting).Master);
    }

    [Fact]
    public void SplitBrainIsResolvedTowardsTheAgreedMaster()
    {
        var plan = Plan([Master(0), Replica(1, of: 0), Master(2, offset: 800)], Sentinels(0, 1, 2));

        Assert.Equal([new DemoteSecondMaster(Master(2, offset: 800), Redis(0))], plan.Actions);
    }

    [Fact]
    public void DisagreeingSentinelsChangeNothingEvenWithASecondMaster()
    {
        var plan = Plan([Master(0), Replica(1, of: 0), Master(2, offset: 800)], [Sentinel(1, 0, [1, 2], [2, 3]), Sentinel(2, 2, [0, 1], [1, 3]), Sentinel(3, 0, [1, 2], [1, 2])]);

        Assert.Equal(SentinelAgreementKind.Disagree, plan.Agreement.Kind);
        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void RunningFailoverIsNeverFought()
    {
        var plan = Plan([Down(0), Master(1), Replica(2, of: 0)], [Sentinel(1, 0, [1, 2], [2, 3], "master,s_down,o_down"), Sentinel(2, 0, [1, 2], [1, 3]), Sentinel(3, 0, [1, 2], [1, 2])]);

        Assert.Equal(SentinelAgreementKind.FailoverInProgress, plan.Agreement.Kind);
        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void AgreedMasterDownIsLeftToSentinel() =>
        Assert.Empty(Plan([Down(0), Replica(1, of: 0), Replica(2, of: 0)], Sentinels(0, 1, 2)).Actions);

    [Fact]
    public void NoMasterAndNoQuorumPromotesTheReplicaWithTheMostData()
    {
        var best = Replica(2, of: 0, offset: 1500);
        var plan = Plan(
            [Down(0), Replica(1, of: 0, offset: 1200), best],
            [Sentinel(1, 0, [1, 2], [2, 3]), SentinelObservation.Unreachable(SentinelAt(2)), SentinelObservation.Unreachable(SentinelAt(3))]);

        Assert.Equal(SentinelAgreementKind.NoQuorum, plan.Agreement.Kind);
        Assert.Equal([new PromoteReplica(best)], plan.Actions);
        Assert.Equal(Redis(2), plan.Master);
    }

    [Fact]
    public void AfterAPromotionWithoutQuorumTheRestFollowTheNewMaster()
    {
        var plan = Plan(
            [Down(0), Replica(1, of: 0, offset: 1200), Master(2, offset: 1500)],
            [Sentinel(1, 0, [1, 2], [2, 3]), SentinelObservation.Unreachable(SentinelAt(2)), SentinelObservation.Unreachable(SentinelAt(3))]);

        Assert.Equal(Redis(2), plan.Master);
        Assert.Equal(
            [new RepointReplica(Replica(1, of: 0, offset: 1200), Redis(2)), new MonitorMaster(SentinelAt(1), Redis(2), Settings, RemoveFirst: true)],
            plan.Actions);
    }

    [Fact]
    public void EmptyReplicasAreNeverPromoted() =>
        Assert.Empty(Plan(
            [Down(0), Replica(1, of: 0, offset: 0), Replica(2, of: 0, offset: 0)],
            [SentinelObservation.Unreachable(SentinelAt(1)), SentinelObservation.Unreachable(SentinelAt(2)), SentinelObservation.Unreachable(SentinelAt(3))]).Actions);

    [Fact]
    public void StaleSentinelIsResetOnlyOnceReplicationIsSettled()
    {
        SentinelObservation[] sentinels = [Sentinel(1, 0, [1, 2, 7], [2, 3]), Sentinel(2, 0, [1, 2, 7], [1, 3]), Sentinel(3, 0, [1, 2], [1, 2])];

        var busy = Plan([Master(0), Replica(1, of: 0), Replica(2, of: 1)], sentinels);
        Assert.DoesNotContain(busy.Actions, a => a is ResetSentinel);

        var settled = Plan([Master(0), Replica(1, of: 0), Replica(2, of: 0)], sentinels);
        var reset = Assert.IsType<ResetSentinel>(Assert.Single(settled.Actions));
        Assert.Equal(SentinelAt(1), reset.Sentinel);
        Assert.Equal([Redis(7)], reset.Stale);
    }
}
