using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Healing;
using BackendStack.Operator.RedisFailovers.Policy;

namespace BackendStack.Tests.Redis;

public sealed class HealingTests
{
    private static readonly SentinelMonitorSettings Settings = new(Quorum: 2, DownAfterMilliseconds: 1000, FailoverTimeout: 3000, ParallelSyncs: 1);

    [Fact]
    public async Task FreshPodsAreBootstrappedWithPodZeroAsMasterAndSentinelsMonitoringIt()
    {
        await using var topology = await RedisTopology.StartAsync(redisCount: 3, sentinelCount: 3, replicate: false);

        // Replicas first; the sentinels monitor from the next check, when the master's INFO lists the replicas.
        var first = await CheckAndHealAsync(topology);
        Assert.Equal(SentinelAgreementKind.Unmonitored, first.Plan.Agreement.Kind);
        Assert.All(first.Outcomes, o => Assert.True(o.Succeeded, o.Error));
        Assert.Equal([typeof(RepointReplica), typeof(RepointReplica)], first.Outcomes.Select(o => o.Action.GetType()));

        var second = await CheckAndHealAsync(topology);
        Assert.All(second.Outcomes, o => Assert.True(o.Succeeded, o.Error));
        Assert.Equal([typeof(MonitorMaster), typeof(MonitorMaster), typeof(MonitorMaster)], second.Outcomes.Select(o => o.Action.GetType()));

        await topology.WaitSettledAsync();
        var third = await CheckAndHealAsync(topology);
        Assert.Equal(SentinelAgreementKind.Agreed, third.Plan.Agreement.Kind);
        Assert.Equal(RedisTopology.Endpoint(topology.Redis[0]), third.Plan.Master);
        Assert.Empty(third.Plan.Actions);
        Assert.True(third.Plan.Readiness!.CanFailOver);
    }

    [Fact]
    public async Task BootstrapWhileNoSentinelAnswersYetWaitsForPodZero()
    {
        await using var topology = await RedisTopology.StartAsync(redisCount: 3, sentinelCount: 3, replicate: false);
        foreach (var sentinel in topology.Sentinels)
        {
            sentinel.Kill();
        }

        // No sentinel answers (no quorum) and pod 0 is not up yet: nobody is made master.
        topology.Redis[0].Kill();
        var waiting = await CheckAndHealAsync(topology);
        Assert.Equal(SentinelAgreementKind.NoQuorum, waiting.Plan.Agreement.Kind);
        Assert.Empty(waiting.Plan.Actions);
        foreach (var other in topology.Redis.Skip(1))
        {
            Assert.Equal(RedisRole.Master, (await topology.Nodes.GetReplicationAsync(RedisTopology.Endpoint(other), CancellationToken.None)).Role);
        }

        // Until the operator's connection to pod 0 is back, checks keep waiting; then pod 0 is chosen.
        await topology.Redis[0].StartAsync(CancellationToken.None);
        var bootstrap = await Eventually.StructAsync<(HealPlan Plan, IReadOnlyList<HealOutcome> Outcomes)>(
            async () => await CheckAndHealAsync(topology) is { Plan.Master: not null } check ? check : null, "a master chosen");
        Assert.Equal(RedisTopology.Endpoint(topology.Redis[0]), bootstrap.Plan.Master);
        Assert.Equal(2, bootstrap.Outcomes.Count(o => o.Succeeded && o.Action is RepointReplica r && r.Master == RedisTopology.Endpoint(topology.Redis[0])));
    }

    [Fact]
    public async Task ForcedSecondMasterIsDemotedAndResyncsFromTheAgreedMaster()
    {
        await using var topology = await RedisTopology.StartAsync(redisCount: 3, sentinelCount: 3);
        await topology.MonitorAsync(Settings);
        await topology.WaitSettledAsync();
        var rogue = RedisTopology.Endpoint(topology.Redis[2]);
        await topology.Nodes.ReplicaOfAsync(rogue, null, CancellationToken.None);

        var healed = await CheckAndHealAsync(topology);

        var demotion = Assert.IsType<DemoteSecondMaster>(Assert.Single(healed.Plan.Actions));
        Assert.Equal(rogue, demotion.Node.Endpoint);
        Assert.True(Assert.Single(healed.Outcomes).Succeeded);
        var info = await Eventually.ValueAsync(
            async () => await topology.Nodes.GetReplicationAsync(rogue, CancellationToken.None) is { MasterLinkUp: true } i ? i : null,
            "the demoted node to replicate again");
        Assert.Equal(RedisTopology.Endpoint(topology.Redis[0]), info.Master);
    }

    [Fact]
    public async Task WithoutMasterAndSentinelQuorumTheReplicaWithMostDataIsPromotedAndFollowed()
    {
        await using var topology = await RedisTopology.StartAsync(redisCount: 3, sentinelCount: 3);
        await topology.MonitorAsync(Settings);
        await topology.WaitSettledAsync();
        topology.Sentinels[1].Kill();
        topology.Sentinels[2].Kill();
        topology.Redis[0].Kill();

        var promoted = await CheckAndHealAsync(topology);
        Assert.Equal(SentinelAgreementKind.NoQuorum, promoted.Plan.Agreement.Kind);
        var promotion = Assert.IsType<PromoteReplica>(Assert.Single(promoted.Plan.Actions));
        Assert.True(promotion.Node.Offset > 0);
        var newMaster = promotion.Node.Endpoint;
        Assert.Equal(RedisRole.Master, (await topology.Nodes.GetReplicationAsync(newMaster, CancellationToken.None)).Role);

        var followed = await CheckAndHealAsync(topology);
        Assert.Equal(newMaster, followed.Plan.Master);
        Assert.Contains(followed.Plan.Actions, a => a is RepointReplica r && r.Master == newMaster);
        Assert.Contains(followed.Plan.Actions, a => a is MonitorMaster { RemoveFirst: true } m && m.Master == newMaster);
        Assert.All(followed.Outcomes, o => Assert.True(o.Succeeded, o.Error));

        var other = topology.Redis.Skip(1).Select(RedisTopology.Endpoint).Single(e => e != newMaster);
        await Eventually.TrueAsync(
            async () => await topology.Nodes.GetReplicationAsync(other, CancellationToken.None) is { MasterLinkUp: true } i && i.Master == newMaster,
            "the other replica to follow the promoted one");
        Assert.Equal(newMaster, await topology.SentinelClient.GetMasterAddressAsync(RedisTopology.Endpoint(topology.Sentinels[0]), RedisTopology.MasterName, CancellationToken.None));
        Assert.Empty((await CheckAndHealAsync(topology)).Plan.Actions);
    }

    [Fact]
    public async Task SentinelsThatLostTheMasterBeforeFindingEachOtherAreTakenOverOnceTheirTimeToActHasPassed()
    {
        await using var topology = await RedisTopology.StartAsync(redisCount: 3, sentinelCount: 3);
        var oldMaster = RedisTopology.Endpoint(topology.Redis[0]);
        var db = (await topology.Pool.GetAsync(oldMaster, sentinel: false)).GetDatabase();
        Assert.True(await db.StringSetAsync("kept", "yes"));
        Assert.Equal(2L, (long)await db.ExecuteAsync("WAIT", 2, 10000));
        topology.Redis[0].Kill();

        // The sentinels start monitoring a master that is already gone: they never read its INFO (the
        // replicas) nor hear hellos on its channel (each other). Each marks it down, none can go further.
        await topology.MonitorAsync(Settings);
        await Eventually.TrueAsync(
            async () => (await Task.WhenAll(topology.SentinelEndpoints.Select(s => topology.SentinelClient.ObserveAsync(s, RedisTopology.MasterName, CancellationToken.None))))
                .All(o => o is { Master.Flags: var f, Peers.Count: 0, Replicas.Count: 0 } && f.Contains("s_down")),
            "every sentinel to mark the master down knowing no replica or other sentinel");
        var giveUp = HealPlanner.SentinelGiveUpAfter(Settings);

        var waiting = await CheckAndHealAsync(topology, notMasterFor: (oldMaster, giveUp - TimeSpan.FromSeconds(1)));
        Assert.Equal((SentinelAgreementKind.Agreed, oldMaster), (waiting.Plan.Agreement.Kind, waiting.Plan.Master));
        Assert.Empty(waiting.Plan.Actions);
        Assert.False(waiting.Plan.MasterAnswers);

        var promoted = await CheckAndHealAsync(topology, notMasterFor: (oldMaster, giveUp + TimeSpan.FromSeconds(1)));
        var promotion = Assert.IsType<PromoteReplica>(Assert.Single(promoted.Plan.Actions));
        Assert.True(Assert.Single(promoted.Outcomes).Succeeded);
        var newMaster = promotion.Node.Endpoint;

        var followed = await CheckAndHealAsync(topology, notMasterFor: (oldMaster, giveUp + TimeSpan.FromSeconds(2)));
        Assert.Equal(newMaster, followed.Plan.Master);
        Assert.Contains(followed.Plan.Actions, a => a is MonitorMaster { RemoveFirst: true } m && m.Master == newMaster);
        Assert.All(followed.Outcomes, o => Assert.True(o.Succeeded, o.Error));
        foreach (var sentinel in topology.SentinelEndpoints)
        {
            Assert.Equal(newMaster, await topology.SentinelClient.GetMasterAddressAsync(sentinel, RedisTopology.MasterName, CancellationToken.None));
        }

        Assert.Equal("yes", (string?)await (await topology.Pool.GetAsync(newMaster, sentinel: false)).GetDatabase().StringGetAsync("kept"));
    }

    [Fact]
    public async Task ConfigDriftIsSetBackOnEveryNode()
    {
        await using var topology = await RedisTopology.StartAsync(redisCount: 2, sentinelCount: 0);
        var nodes = topology.Redis.Select((r, i) => new RedisNodeObservation($"rf-redis-{i}", RedisTopology.Endpoint(r), null)).ToList();
        await topology.Nodes.ConfigSetAsync(nodes[1].Endpoint, "slowlog-max-len", "5", CancellationToken.None);
        var desired = new Dictionary<string, string> { ["slowlog-max-len"] = "128", ["maxmemory-policy"] = "allkeys-lru", ["save"] = "" };

        var corrected = await Executor(topology).CorrectConfigAsync(nodes, desired, CancellationToken.None);

        Assert.All(corrected, c => Assert.Null(c.Error));
        Assert.Equal(["maxmemory-policy", "slowlog-max-len"], corrected.Where(c => c.Node == nodes[1]).Select(c => c.Directive));
        foreach (var node in nodes)
        {
            var running = await topology.Nodes.ConfigGetAsync(node.Endpoint, "*", CancellationToken.None);
            Assert.Empty(ConfigDriftPolicy.Drift(desired, running));
        }

        Assert.Empty(await Executor(topology).CorrectConfigAsync(nodes, desired, CancellationToken.None));
    }

    /// <summary>One check; <paramref name="notMasterFor"/> stands in for the session's clock (tested on its own) for one pod.</summary>
    private static async Task<(HealPlan Plan, IReadOnlyList<HealOutcome> Outcomes)> CheckAndHealAsync(RedisTopology topology, (RedisEndpoint Pod, TimeSpan For)? notMasterFor = null)
    {
        var observer = new RedisFailoverObserver(topology.SentinelClient, topology.Nodes);
        var (nodes, sentinels) = await observer.ObserveAsync(
            [.. topology.Redis.Select((r, i) => ($"rf-redis-{i}", r.Host))],
            [.. topology.Sentinels.Select(s => s.Host)],
            RedisTopology.MasterName,
            CancellationToken.None);
        var plan = HealPlanner.Plan(new HealInput(nodes, sentinels, Settings)
        {
            NotMasterFor = notMasterFor is { } silent ? new Dictionary<RedisEndpoint, TimeSpan> { [silent.Pod] = silent.For } : new Dictionary<RedisEndpoint, TimeSpan>(),
        });
        var outcomes = await Executor(topology).HealAsync(plan, CancellationToken.None);
        return (plan, outcomes);
    }

    private static DataPlaneExecutor Executor(RedisTopology topology) =>
        new(topology.SentinelClient, topology.Nodes, RedisTopology.MasterName, topology.Password, TimeProvider.System);
}
