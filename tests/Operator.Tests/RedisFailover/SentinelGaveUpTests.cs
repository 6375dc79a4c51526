using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Healing;
using BackendStack.Operator.RedisFailovers.Policy;
using Microsoft.Extensions.Time.Testing;
using static BackendStack.Tests.RedisPolicy.Observed;

namespace BackendStack.Tests.RedisPolicy;

/// <summary>
/// Sentinels that lost the master before they found each other or its replicas keep naming it and
/// never fail over; once Sentinel's own time to act has passed, the operator promotes the replica
/// with the most data, as it does when Sentinel lacks a quorum.
/// </summary>
public sealed class SentinelGaveUpTests
{
    // Pod 0 was the master; replica 2 holds more of its stream than replica 1.
    private static readonly RedisNodeObservation[] MasterGone = [Down(0), Replica(1, of: 0, offset: 900, linkUp: false), Replica(2, of: 0, offset: 1000, linkUp: false)];
    private static readonly TimeSpan GiveUp = HealPlanner.SentinelGiveUpAfter(Settings);

    private static HealPlan Plan(SentinelObservation[] sentinels, TimeSpan silentFor) =>
        HealPlanner.Plan(new HealInput(MasterGone, sentinels, Settings) { NotMasterFor = new Dictionary<RedisEndpoint, TimeSpan> { [Redis(0)] = silentFor } });

    /// <summary>Each sentinel knows only the master, marked subjectively down: none can call it objectively down.</summary>
    private static SentinelObservation[] Strangers(string flags = "master,s_down") => [Sentinel(1, 0, [], [], flags), Sentinel(2, 0, [], [], flags), Sentinel(3, 0, [], [], flags)];

    [Fact]
    public void GiveUpTimeIsDownAfterPlusTwiceTheFailoverTimeout() =>
        Assert.Equal(TimeSpan.FromMilliseconds(1000 + (2 * 3000)), GiveUp);

    [Fact]
    public void WithinSentinelsTimeToActNothingIsDone()
    {
        var plan = Plan(Strangers(), GiveUp - TimeSpan.FromSeconds(1));

        Assert.Equal(Redis(0), plan.Master);
        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void AfterItTheReplicaWithTheMostDataIsPromoted()
    {
        var plan = Plan(Strangers(), GiveUp + TimeSpan.FromSeconds(1));

        var promotion = Assert.IsType<PromoteReplica>(Assert.Single(plan.Actions));
        Assert.Equal(Redis(2), promotion.Node.Endpoint);
        Assert.Equal(Redis(2), plan.Master);
    }

    [Fact]
    public void SentinelsThatCalledItDownButHaveNobodyToPromoteAreTakenOverToo()
    {
        var plan = Plan(Strangers("master,s_down,o_down"), GiveUp + TimeSpan.FromSeconds(1));

        Assert.Equal(SentinelAgreementKind.FailoverInProgress, plan.Agreement.Kind);
        Assert.IsType<PromoteReplica>(Assert.Single(plan.Actions));
    }

    [Fact]
    public void ARunningFailoverOrASentinelNamingAnotherMasterIsLeftToSentinel()
    {
        Assert.Empty(Plan(Strangers("master,s_down,o_down,failover_in_progress"), GiveUp * 2).Actions);
        Assert.Empty(Plan([Sentinel(1, 0, [], [], "master,s_down"), Sentinel(2, 0, [], [], "master,s_down"), Sentinel(3, 2, [1], [])], GiveUp * 2).Actions);
    }

    [Fact]
    public void TheClockCountsFromTheFirstCheckAPodDidNotAnswerAsMasterAndForgetsItWhenItDoes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var clock = new MasterSilenceClock(time);
        Assert.Equal([Redis(1)], clock.Update([Master(0), Replica(1, of: 0)]).Keys);

        time.Advance(TimeSpan.FromSeconds(3));
        clock.Update([Down(0), Replica(1, of: 0)]);
        time.Advance(TimeSpan.FromSeconds(4));
        var silent = clock.Update(MasterGone[..2]);
        Assert.Equal((TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(7)), (silent[Redis(0)], silent[Redis(1)]));

        Assert.False(clock.Update([Master(0), Replica(1, of: 0)]).ContainsKey(Redis(0)));
    }
}
