using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Policy;
using static BackendStack.Tests.RedisPolicy.Observed;

namespace BackendStack.Tests.RedisPolicy;

public sealed class StragglerSentinelPolicyTests
{
    /// <summary>A sentinel on <paramref name="master"/> at config epoch <paramref name="epoch"/>.</summary>
    private static SentinelObservation At(int sentinel, int master, long epoch, int[] replicas, int[] peers)
    {
        var view = Sentinel(sentinel, master, replicas, peers);
        return view with { Master = view.Master! with { ConfigEpoch = epoch } };
    }

    [Fact]
    public void ASentinelLeftOnTheDeadMasterIsPointedAtTheQuorumsNewerMaster()
    {
        // Sentinel 1 started monitoring pod 0 just before it died, knowing no replicas nor peers.
        var plan = HealPlanner.Plan(new HealInput(
            [Down(0), Master(1, replicas: 1), Replica(2, of: 1)],
            [At(1, 0, 0, [], []), At(2, 1, 1, [0, 2], [3]), At(3, 1, 1, [0, 2], [2])],
            Settings));

        Assert.Equal(SentinelAgreementKind.Disagree, plan.Agreement.Kind);
        Assert.Equal([new MonitorMaster(SentinelAt(1), Redis(1), Settings, RemoveFirst: true)], plan.Actions);
    }

    [Fact]
    public void NothingChangesWhenTheOddSentinelMightBeRight()
    {
        HealPlan Plan(RedisNodeObservation[] nodes, SentinelObservation[] sentinels) => HealPlanner.Plan(new HealInput(nodes, sentinels, Settings));

        // The odd one has the newer epoch: the others are the ones catching up.
        Assert.Empty(Plan([Down(0), Master(1, replicas: 1), Replica(2, of: 1)], [At(1, 0, 2, [], []), At(2, 1, 1, [0, 2], [3]), At(3, 1, 1, [0, 2], [2])]).Actions);

        // The odd one's master still answers as a master (split brain): Sentinel and the split-brain healing decide.
        Assert.Empty(Plan([Master(0), Master(1, replicas: 1), Replica(2, of: 1)], [At(1, 0, 0, [], []), At(2, 1, 1, [0, 2], [3]), At(3, 1, 1, [0, 2], [2])]).Actions);

        // The majority's master does not answer as master.
        Assert.Empty(Plan([Down(0), Down(1), Replica(2, of: 1)], [At(1, 0, 0, [], []), At(2, 1, 1, [0, 2], [3]), At(3, 1, 1, [0, 2], [2])]).Actions);

        // A failover is still running.
        Assert.Equal(SentinelAgreementKind.FailoverInProgress, Plan(
            [Down(0), Master(1, replicas: 1), Replica(2, of: 1)],
            [At(1, 0, 0, [], []), At(2, 1, 1, [0, 2], [3]), Sentinel(3, 1, [0, 2], [2], "master,failover_in_progress")]).Agreement.Kind);
    }
}
