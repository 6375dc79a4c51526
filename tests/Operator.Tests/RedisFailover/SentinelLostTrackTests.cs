using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Healing;
using BackendStack.Operator.RedisFailovers.Policy;
using Microsoft.Extensions.Time.Testing;
using static BackendStack.Tests.RedisPolicy.Observed;

namespace BackendStack.Tests.RedisPolicy;

public sealed class SentinelLostTrackTests
{
    private static readonly RedisNodeObservation[] Nodes = [Master(0, replicas: 2), Replica(1, of: 0), Replica(2, of: 0)];
    private static readonly TimeSpan Long = SentinelResetPolicy.TrackingGrace + TimeSpan.FromSeconds(1);

    /// <summary>Sentinel 3 knows only replica 1 and sentinel 1; sentinel 2 does not know sentinel 3.</summary>
    private static readonly SentinelObservation[] Partial = [Sentinel(1, 0, [1, 2], [2, 3]), Sentinel(2, 0, [1, 2], [1]), Sentinel(3, 0, [1], [1])];

    [Fact]
    public void MissingListsLiveReplicasAndAnsweringSentinelsNotKnown()
    {
        Assert.Equal([Redis(2), SentinelAt(2)], SentinelResetPolicy.Missing(Partial[2], Partial, Nodes));
        Assert.Equal([SentinelAt(3)], SentinelResetPolicy.Missing(Partial[1], Partial, Nodes));
        Assert.Empty(SentinelResetPolicy.Missing(Partial[0], Partial, Nodes));
    }

    [Fact]
    public void ReplicasNotYetSyncedAndSilentSentinelsAreNotMissing()
    {
        RedisNodeObservation[] nodes = [Master(0), Replica(1, of: 0), Replica(2, of: 0, linkUp: false)];
        SentinelObservation[] sentinels = [Sentinel(1, 0, [1], [2]), Sentinel(2, 0, [1], [1]), SentinelObservation.Unreachable(SentinelAt(3))];

        Assert.All(sentinels, s => Assert.Empty(SentinelResetPolicy.Missing(s, sentinels, nodes)));
    }

    [Fact]
    public void DiscoveryInProgressIsNotReset() =>
        Assert.Null(SentinelResetPolicy.ChooseLostTrack(Partial, Nodes, new Dictionary<RedisEndpoint, TimeSpan> { [SentinelAt(3)] = TimeSpan.FromSeconds(12) }, quorum: 2));

    [Fact]
    public void SentinelMissingInstancesLongerThanDiscoveryTakesIsResetOneAtATime()
    {
        var reset = SentinelResetPolicy.ChooseLostTrack(Partial, Nodes, new Dictionary<RedisEndpoint, TimeSpan> { [SentinelAt(2)] = Long, [SentinelAt(3)] = Long }, quorum: 2);

        Assert.Equal(SentinelAt(2), reset!.Sentinel);
        Assert.Equal([SentinelAt(3)], reset.Missing);
        Assert.Empty(reset.Stale);
        Assert.Contains("lost track of 10.0.1.3:26379", reset.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoResetWhenTheOthersWouldNotMakeAQuorum() =>
        Assert.Null(SentinelResetPolicy.ChooseLostTrack(Partial, Nodes, new Dictionary<RedisEndpoint, TimeSpan> { [SentinelAt(3)] = Long }, quorum: 3));

    [Fact]
    public void PlannerResetsALostSentinelOnlyWhenNothingElseIsToDo()
    {
        var input = new HealInput(Nodes, Partial, Settings) { IncompleteFor = new Dictionary<RedisEndpoint, TimeSpan> { [SentinelAt(3)] = Long } };
        var reset = Assert.IsType<ResetSentinel>(Assert.Single(HealPlanner.Plan(input).Actions));
        Assert.Equal(SentinelAt(3), reset.Sentinel);

        var busy = input with { Nodes = [Master(0, replicas: 1), Replica(1, of: 0), Replica(2, of: 1)] };
        Assert.DoesNotContain(HealPlanner.Plan(busy).Actions, a => a is ResetSentinel);
    }

    [Fact]
    public void GhostsAreResetBeforeLostTrack()
    {
        SentinelObservation[] sentinels = [Sentinel(1, 0, [1, 2, 7], [2, 3]), Sentinel(2, 0, [1, 2], [1, 3]), Sentinel(3, 0, [1], [1, 2])];
        var input = new HealInput(Nodes, sentinels, Settings) { IncompleteFor = new Dictionary<RedisEndpoint, TimeSpan> { [SentinelAt(3)] = Long } };

        var reset = Assert.IsType<ResetSentinel>(Assert.Single(HealPlanner.Plan(input).Actions));
        Assert.Equal((SentinelAt(1), Redis(7)), (reset.Sentinel, Assert.Single(reset.Stale)));
    }

    [Fact]
    public void ClockCountsFromTheFirstIncompleteCheckAndRestartsAfterAReset()
    {
        var time = new FakeTimeProvider();
        var clock = new SentinelTrackingClock(time);
        Assert.Equal([SentinelAt(2), SentinelAt(3)], clock.Update(Partial, Nodes).Keys.OrderBy(e => e.ToString(), StringComparer.Ordinal));

        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(20), clock.Update(Partial, Nodes)[SentinelAt(3)]);

        clock.Forget(SentinelAt(3));
        time.Advance(TimeSpan.FromSeconds(5));
        var after = clock.Update(Partial, Nodes);
        Assert.Equal((TimeSpan.Zero, TimeSpan.FromSeconds(25)), (after[SentinelAt(3)], after[SentinelAt(2)]));

        Assert.Empty(clock.Update(Sentinels(0, 1, 2), Nodes));
    }
}
