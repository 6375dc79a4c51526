using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Tests.Controllers;
using k8s;
using Xunit.Abstractions;
using static BackendStack.Tests.Redis.RedisFailoverLifecycleTests;

namespace BackendStack.Tests.Redis;

/// <summary>
/// The master dies while no operator runs; Sentinel fails over; a new operator starts while the
/// sentinels are still switching. It must follow Sentinel's choice, never undo it.
/// </summary>
[Collection(EmulatedRedisPodsGroup.Name)]
public sealed class OperatorRestartDuringFailoverTests(ITestOutputHelper output)
{
    private const string Ns = ClusterUnderTest.Namespace;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ANewOperatorFollowsTheFailoverSentinelMadeWithoutIt()
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        await using var runner = new RedisPodRunner(cluster.Client, Ns, "fo");
        var operators = new List<OperatorInstance>();
        try
        {
            await FollowAsync(cluster, runner, operators);
        }
        catch (Exception)
        {
            foreach (var op in operators)
            {
                await ScenarioDiagnostics.WriteAsync(output, op, runner);
            }

            throw;
        }
    }

    private static async Task FollowAsync(ClusterUnderTest cluster, RedisPodRunner runner, List<OperatorInstance> operators)
    {
        await using var first = await cluster.StartOperatorAsync();
        operators.Add(first);
        await CreateAsync(cluster, "fo");
        var ready = await Eventually.ValueAsync(async () => await GetAsync(cluster, "fo") is { Status: { Phase: Operator.Api.Phase.Ready, Sentinels.Agreeing: 3 } } rf ? rf : null, "Ready", Timeout);
        Assert.Equal("fo-redis-0", ready.Status.Master!.Pod);
        var oldIp = ready.Status.Master.Ip!;
        await using var pool = new RedisConnectionPool(await PasswordAsync(cluster, "fo"), TimeSpan.FromSeconds(1));
        var oldMaster = (await pool.GetAsync(new RedisEndpoint(oldIp, 6379), sentinel: false)).GetDatabase();
        Assert.True(await oldMaster.StringSetAsync("before-failover", "kept"));
        Assert.Equal(2L, (long)await oldMaster.ExecuteAsync("WAIT", 2, 10000));

        // Sentinel can fail over on its own only once the sentinels know each other and the replicas.
        var sentinels = new SentinelClient(pool);
        var sentinelEndpoints = Enumerable.Range(0, 3).Select(i => new RedisEndpoint(runner.Process($"fo-sentinel-{i}").Host, 26379)).ToList();
        await Eventually.TrueAsync(
            async () => (await Task.WhenAll(sentinelEndpoints.Select(s => sentinels.ObserveAsync(s, "fo", CancellationToken.None)))).All(o => o is { Peers.Count: 2, Replicas.Count: 2 }),
            "every sentinel to know its peers and the replicas",
            Timeout);
        await first.StopAsync();
        // The stopped operator closed its sentinel subscriptions (and every other kind's) when its workers stopped: from here on it must not
        // follow the failover below (a deposed leader that kept relabelling pods would fight the new one).
        Assert.Contains(first.Logs.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l.Message, "data-plane sessions of [1-9][0-9]* kinds closed"));
        var firstLinesAtStop = first.Logs.Lines.Count;
        var bootstrapEvents = (await cluster.Client.CoreV1.ListNamespacedEventAsync(Ns, fieldSelector: "involvedObject.name=fo")).Items.Select(e => e.Metadata.Uid).ToHashSet();
        runner.Process("fo-redis-0").Kill();

        // Start the new operator as soon as one sentinel switched: the others may still be voting or catching up.
        var newMaster = await Eventually.StructAsync(
            async () => (await Task.WhenAll(sentinelEndpoints.Select(s => sentinels.GetMasterAddressAsync(s, "fo", CancellationToken.None)))).FirstOrDefault(m => m is { } e && e.Host != oldIp),
            "a sentinel to name a new master",
            Timeout);
        await using var second = await cluster.StartOperatorAsync();
        operators.Add(second);
        using var watching = new CancellationTokenSource();
        var oldMasterLabelled = WatchMasterLabelAsync(cluster, "fo-redis-0", watching.Token);

        // Sentinel may fail over more than once (a fresh master that misses the down-after window on a
        // busy machine is failed over again); the operator follows wherever the sentinels settle.
        var followed = await Eventually.ValueAsync(
            async () => await GetAsync(cluster, "fo") is { Status: { Phase: Operator.Api.Phase.Ready, Failovers: > 0, Master: { Pod: not "fo-redis-0", Ip: { } ip } } } rf
                && (await Task.WhenAll(sentinelEndpoints.Select(s => sentinels.GetMasterAddressAsync(s, "fo", CancellationToken.None)))).All(m => m?.Host == ip) ? rf : null,
            "the new operator to follow the sentinels' new master and record the failover",
            Timeout);
        newMaster = new RedisEndpoint(followed.Status.Master!.Ip!, 6379);
        Assert.Equal(followed.Status.Master.Pod, followed.Status.LastFailover!.To);
        Assert.NotEqual(followed.Status.LastFailover.To, followed.Status.LastFailover.From);
        if (followed.Status.Failovers == 1)
        {
            Assert.Equal("fo-redis-0", followed.Status.LastFailover.From);
        }

        await Eventually.TrueAsync(async () => await MasterEndpointAsync(cluster, "fo") == newMaster.Host, "the master Service to point at the new master", Timeout);

        // The old master comes back and joins as a replica of Sentinel's choice.
        await runner.RestartAsync("fo-redis-0");
        var nodes = new RedisNodeClient(pool);
        await Eventually.TrueAsync(
            async () => await nodes.GetReplicationAsync(new RedisEndpoint(oldIp, 6379), CancellationToken.None) is { Role: RedisRole.Replica, MasterLinkUp: true } i && i.Master == newMaster,
            "the old master to rejoin as a replica",
            Timeout);
        await Eventually.ValueAsync(async () => await GetAsync(cluster, "fo") is { Status: { Phase: Operator.Api.Phase.Ready, Sentinels.Agreeing: 3 } } rf ? rf : null, "Ready again", Timeout);

        await watching.CancelAsync();
        Assert.False(await oldMasterLabelled, "the old master got the master label back");
        var final = await GetAsync(cluster, "fo");
        Assert.Equal((followed.Status.Failovers, newMaster.Host), (final.Status.Failovers, final.Status.Master!.Ip));
        Assert.Equal([followed.Status.Master.Pod], (await cluster.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "backendstack.io/role=master")).Items.Select(p => p.Metadata.Name));
        foreach (var sentinel in sentinelEndpoints)
        {
            Assert.Equal(newMaster, await sentinels.GetMasterAddressAsync(sentinel, "fo", CancellationToken.None));
        }

        var events = (await cluster.Client.CoreV1.ListNamespacedEventAsync(Ns, fieldSelector: "involvedObject.name=fo")).Items.Where(e => !bootstrapEvents.Contains(e.Metadata.Uid)).ToList();
        Assert.Contains(events, e => e.Reason == "MasterChanged");
        Assert.DoesNotContain(first.Logs.Lines.Skip(firstLinesAtStop), l => l.Message.Contains("Sentinel failed over", StringComparison.Ordinal));
        // Nothing was promoted by the operator, and nothing was pointed at, or monitored as, the old master.
        Assert.DoesNotContain(events, e => e.Message.Contains("Promoted", StringComparison.Ordinal) || e.Message.Contains($"master {oldIp}:6379", StringComparison.Ordinal) || e.Message.Contains($"replica of {oldIp}:6379", StringComparison.Ordinal));
        var db = (await pool.GetAsync(new RedisEndpoint((await MasterEndpointAsync(cluster, "fo"))!, 6379), sentinel: false)).GetDatabase();
        Assert.Equal("kept", (string?)await db.StringGetAsync("before-failover"));
        Assert.True(await db.StringSetAsync("after-failover", "written"));
    }

    /// <summary>
    /// Whether <paramref name="pod"/> got the master role label back at any moment until cancelled,
    /// once it had lost it (it still carries it from before the failover when the watch starts).
    /// </summary>
    private static async Task<bool> WatchMasterLabelAsync(ClusterUnderTest cluster, string pod, CancellationToken cancellationToken)
    {
        var demoted = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var masters = await cluster.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "backendstack.io/role=master", cancellationToken: CancellationToken.None);
            var isMaster = masters.Items.Any(p => p.Metadata.Name == pod);
            if (demoted && isMaster)
            {
                return true;
            }

            demoted |= !isMaster;

            try
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return false;
    }
}
