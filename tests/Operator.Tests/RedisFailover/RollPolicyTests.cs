using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Policy;
using static BackendStack.Tests.RedisPolicy.Observed;

namespace BackendStack.Tests.RedisPolicy;

public sealed class RollPolicyTests
{
    private const string Old = "rf-redis-old";
    private const string New = "rf-redis-new";
    private const string OldSentinel = "rf-sentinel-old";
    private const string NewSentinel = "rf-sentinel-new";

    private static RollPod RedisPod(int n, string revision, bool ready = true) => new($"rf-redis-{n}", $"uid-{n}", revision, ready, $"10.0.0.{n}");

    private static RollPod SentinelPod(int n, string revision) => new($"rf-sentinel-{n}", $"uid-s{n}", revision, true, $"10.0.1.{n + 1}");

    /// <summary>Three Redis pods (master <paramref name="master"/>, the others in sync) and three sentinels agreeing on it.</summary>
    private static RollInput Input(
        int master,
        string[] redis,
        string[]? sentinels = null,
        RedisNodeObservation[]? nodes = null,
        SentinelObservation[]? views = null,
        string? failoverRequestedFor = null,
        bool storage = false)
    {
        var observed = nodes ?? [.. Enumerable.Range(0, redis.Length).Select(i => i == master ? Master(i, replicas: redis.Length - 1) : Replica(i, of: master))];
        var sentinelViews = views ?? Sentinels(master, [.. Enumerable.Range(0, redis.Length).Where(i => i != master)]);
        var plan = HealPlanner.Plan(new HealInput(observed, sentinelViews, Settings));
        var sentinelRevisions = sentinels ?? [OldSentinel, OldSentinel, OldSentinel];
        return new RollInput(
            [.. redis.Select((r, i) => RedisPod(i, r))],
            [.. sentinelRevisions.Select((r, i) => SentinelPod(i, r))],
            New,
            NewSentinel,
            redis.Length,
            sentinelRevisions.Length,
            plan,
            observed,
            sentinelViews,
            storage,
            failoverRequestedFor);
    }

    private static void AssertWaits(RollInput input, string because)
    {
        var decision = RollPolicy.Decide(input);
        Assert.True(decision.Rolling);
        Assert.Null(decision.Step);
        Assert.Contains(because, decision.Waiting, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingOutdatedOrRevisionNotYetObservedIsNoRoll()
    {
        Assert.Equal(RollDecision.Idle, RollPolicy.Decide(Input(0, [New, New, New], [NewSentinel, NewSentinel, NewSentinel])));
        Assert.Equal(RollDecision.Idle, RollPolicy.Decide(Input(0, [Old, Old, Old]) with { RedisRevision = null }));
    }

    [Fact]
    public void OutdatedReplicasRestartFirstHighestOrdinalFirst()
    {
        Assert.Equal(new RestartPod(RedisPod(2, Old), "replica"), RollPolicy.Decide(Input(0, [Old, Old, Old])).Step);
        Assert.Equal(new RestartPod(RedisPod(1, Old), "replica"), RollPolicy.Decide(Input(0, [Old, Old, New])).Step);
        Assert.Equal(new RestartPod(RedisPod(2, Old), "replica"), RollPolicy.Decide(Input(1, [New, Old, Old])).Step);
    }

    [Fact]
    public void AnOutdatedMasterAloneIsHandedOverBySentinelFailoverThenRestartsAsReplica()
    {
        var handOver = RollPolicy.Decide(Input(0, [Old, New, New]));
        Assert.Equal(new FailoverBeforeRestart(RedisPod(0, Old), SentinelAt(1)), handOver.Step);
        Assert.Equal("2/3 redis and 0/3 sentinel pods on the new revision", handOver.Progress);

        AssertWaits(Input(0, [Old, New, New], failoverRequestedFor: "rf-redis-0"), "waiting for Sentinel to fail over from rf-redis-0");
        Assert.Equal(new RestartPod(RedisPod(0, Old), "replica"), RollPolicy.Decide(Input(1, [Old, New, New])).Step);
    }

    [Fact]
    public void SentinelsRollLastOneAtATime()
    {
        Assert.Equal(new RestartPod(SentinelPod(2, OldSentinel), "sentinel"), RollPolicy.Decide(Input(0, [New, New, New])).Step);
        Assert.Equal(new RestartPod(SentinelPod(0, OldSentinel), "sentinel"), RollPolicy.Decide(Input(0, [New, New, New], [OldSentinel, NewSentinel, NewSentinel])).Step);
        Assert.IsType<FailoverBeforeRestart>(RollPolicy.Decide(Input(0, [Old, New, New], [OldSentinel, NewSentinel, NewSentinel])).Step);
    }

    [Fact]
    public void NothingMovesWhileSentinelsDisagreeOrFailOver()
    {
        AssertWaits(Input(0, [Old, Old, Old], views: [Sentinel(1, 0, [1, 2], [2, 3]), Sentinel(2, 1, [0, 2], [1, 3]), Sentinel(3, 0, [1, 2], [1, 2])]), "Sentinels name different masters");
        AssertWaits(Input(0, [Old, New, New], views: [Sentinel(1, 0, [1, 2], [2, 3], "master,failover_in_progress"), Sentinel(2, 0, [1, 2], [1, 3]), Sentinel(3, 0, [1, 2], [1, 2])]), "failover in progress");
        AssertWaits(Input(0, [Old, Old, Old], views: [Sentinel(1, 0, [1, 2], [2, 3]), Sentinel(2, 0, [1, 2], [1, 3]), SentinelObservation.NotMonitoring(SentinelAt(3))]), "every sentinel to agree");
    }

    [Fact]
    public void NothingMovesUntilEveryPodIsReadyAnsweringAndInSync()
    {
        var unready = Input(0, [Old, Old, Old]);
        AssertWaits(unready with { Redis = [RedisPod(0, Old), RedisPod(1, Old, ready: false), RedisPod(2, Old)] }, "waiting for rf-redis-1 to be ready");
        AssertWaits(unready with { Redis = [RedisPod(0, Old), RedisPod(1, Old)] }, "every pod of the StatefulSets");
        AssertWaits(Input(0, [Old, Old, Old], nodes: [Master(0, replicas: 1), Replica(1, of: 0, linkUp: false), Replica(2, of: 0)]), "replica rf-redis-1 to sync");
        AssertWaits(Input(0, [Old, New, New], nodes: [Master(0, replicas: 1), Replica(1, of: 0), Replica(2, of: 0, linkUp: false)]), "replica rf-redis-2 to sync");
        AssertWaits(Input(0, [Old, Old, Old], nodes: [Master(0, replicas: 1), Down(1), Replica(2, of: 0)]), "rf-redis-1 to answer");
    }

    [Fact]
    public void TheReplicaBeingRestartedNeedNotBeInSync()
    {
        var input = Input(0, [New, Old, New], nodes: [Master(0, replicas: 1), Replica(1, of: 0, linkUp: false), Replica(2, of: 0)]);
        Assert.Equal(new RestartPod(RedisPod(1, Old), "replica"), RollPolicy.Decide(input).Step);
    }

    [Fact]
    public void NoFailoverWhileASentinelDoesNotSeeEveryReplicaHealthy()
    {
        var views = new[] { Sentinel(1, 0, [1, 2], [2, 3]), Sentinel(2, 0, [1], [1, 3]), Sentinel(3, 0, [1, 2], [1, 2]) };
        AssertWaits(Input(0, [Old, New, New], views: views), "sentinel 10.0.1.2:26379 to see every replica in sync");
    }

    [Fact]
    public void ASingleRedisRestartsOnlyWhenItKeepsItsDataOnStorage()
    {
        var alone = Input(0, [Old], nodes: [Master(0)], views: Sentinels(0));
        AssertWaits(alone, "would lose its data");
        Assert.Equal(new RestartPod(RedisPod(0, Old), "master"), RollPolicy.Decide(alone with { PersistentStorage = true }).Step);
    }
}
