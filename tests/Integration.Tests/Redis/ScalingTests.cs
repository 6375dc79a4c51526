using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Tests.Controllers;
using k8s;
using k8s.Models;
using Xunit.Abstractions;
using RedisFailoverResource = BackendStack.Operator.Api.RedisFailover;

namespace BackendStack.Tests.Redis;

/// <summary>Scaling Redis and Sentinel up and down through the spec, against real servers.</summary>
[Collection(EmulatedRedisPodsGroup.Name)]
public sealed class ScalingTests(ITestOutputHelper output)
{
    private const string Ns = ClusterUnderTest.Namespace;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    [Fact]
    public Task RedisScalesUpWithSyncedReplicasAndDownWithoutRemovingTheMaster() =>
        RedisScenario.RunAsync(output, "cache", ScaleRedisAsync);

    [Fact]
    public Task SentinelsScaleUpMonitoringWithTheSpecAndDownForgettingTheRemovedOnes() =>
        RedisScenario.RunAsync(output, "cache", ScaleSentinelsAsync);

    private async Task ScaleRedisAsync(ClusterUnderTest cluster, RedisPodRunner runner)
    {
        var started = DateTime.UtcNow;
        await RedisFailoverLifecycleTests.CreateAsync(cluster, "cache");
        var ready = await RedisFailoverWaits.ReadyAsync(cluster, "cache", Timeout);
        await using var pool = new RedisConnectionPool(await RedisFailoverLifecycleTests.PasswordAsync(cluster, "cache"));
        var nodes = new RedisNodeClient(pool);
        var master = new RedisEndpoint(ready.Status.Master!.Ip!, 6379);
        await (await pool.GetAsync(master, sentinel: false)).GetDatabase().StringSetAsync("before-scale", "kept");

        // Up: 3 -> 5, one pod per step, each new pod a synced replica of the master.
        await PatchAsync(cluster, new { spec = new { redis = new { replicas = 5 } } });
        var five = await RedisFailoverWaits.StatusAsync(cluster, "cache", s => s is { Phase: Operator.Api.Phase.Ready, Redis: { Ready: 5, Total: 5 } }, "5/5 redis Ready", Timeout);
        Assert.Equal("cache-redis-0", five.Status.Master!.Pod);
        Assert.Equal(5, (await cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync("cache-redis", Ns)).Spec.Replicas);
        foreach (var pod in new[] { "cache-redis-3", "cache-redis-4" })
        {
            // The pod is Ready before the harness has started its server.
            var endpoint = await Eventually.StructAsync<RedisEndpoint>(
                async () => runner.Pods.Contains(pod) && await nodes.GetReplicationAsync(RedisFailoverWaits.Redis(runner, pod), CancellationToken.None) is { Role: RedisRole.Replica, MasterLinkUp: true } i && i.Master == master
                    ? RedisFailoverWaits.Redis(runner, pod)
                    : null,
                $"{pod} to replicate from the master",
                Timeout);
            Assert.Equal("kept", (string?)await (await pool.GetAsync(endpoint, sentinel: false)).GetDatabase().StringGetAsync("before-scale"));
        }

        var sentinels = Enumerable.Range(0, 3).Select(i => RedisFailoverWaits.Sentinel(runner, $"cache-sentinel-{i}")).ToList();
        await RedisFailoverWaits.SentinelsKnowExactlyAsync(pool, sentinels, [.. Enumerable.Range(1, 4).Select(i => RedisFailoverWaits.Redis(runner, $"cache-redis-{i}"))], "cache", Timeout);
        output.WriteLine($"scaled up after {(DateTime.UtcNow - started).TotalSeconds:F1} s");

        // Put the master on the last ordinal: Sentinel may only pick cache-redis-4.
        for (var i = 1; i <= 3; i++)
        {
            await nodes.ConfigSetAsync(RedisFailoverWaits.Redis(runner, $"cache-redis-{i}"), "replica-priority", "0", CancellationToken.None);
        }

        // Sentinel picks by the priorities it last read (INFO every 10 s), and the one asked leads the failover.
        var leader = await pool.ServerAsync(sentinels[0], sentinel: true);
        await Eventually.TrueAsync(
            async () => (await leader.SentinelReplicasAsync("cache")).Count(r => r.Any(f => f.Key == "slave-priority" && f.Value == "0")) == 3,
            "the sentinel to read the replica priorities", Timeout);
        await new SentinelClient(pool).FailoverAsync(sentinels[0], "cache", CancellationToken.None);
        await RedisFailoverWaits.StatusAsync(cluster, "cache", s => s is { Phase: Operator.Api.Phase.Ready, Master.Pod: "cache-redis-4" }, "the master on cache-redis-4", Timeout);
        for (var i = 1; i <= 3; i++)
        {
            await nodes.ConfigSetAsync(RedisFailoverWaits.Redis(runner, $"cache-redis-{i}"), "replica-priority", "100", CancellationToken.None);
        }

        // Down: 5 -> 2. Sentinel moves the master off every ordinal before it is removed.
        await PatchAsync(cluster, new { spec = new { redis = new { replicas = 2 } } });
        var two = await RedisFailoverWaits.StatusAsync(cluster, "cache", s => s is { Phase: Operator.Api.Phase.Ready, Redis: { Ready: 2, Total: 2 } }, "2/2 redis Ready", Timeout);
        Assert.Matches("^cache-redis-[01]$", two.Status.Master!.Pod);
        Assert.Equal(["cache-redis-0", "cache-redis-1"], (await cluster.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "app.kubernetes.io/component=redis")).Items.Select(p => p.Metadata.Name).Order());
        await RedisFailoverWaits.EventAsync(cluster, "cache", e => e.Message.Contains("fail over before removing master pod cache-redis-4", StringComparison.Ordinal), "the handover event", Timeout);
        var newMaster = RedisFailoverWaits.Redis(runner, two.Status.Master.Pod!);
        var replica = RedisFailoverWaits.Redis(runner, two.Status.Master.Pod == "cache-redis-0" ? "cache-redis-1" : "cache-redis-0");
        Assert.Equal("kept", (string?)await (await pool.GetAsync(newMaster, sentinel: false)).GetDatabase().StringGetAsync("before-scale"));

        // The sentinels are reset one at a time until they list only the live replica.
        await RedisFailoverWaits.SentinelsKnowExactlyAsync(pool, sentinels, [replica], "cache", Timeout);
        await RedisFailoverWaits.EventAsync(cluster, "cache", e => e.Reason == "SentinelReset", "a SentinelReset event", Timeout);
        output.WriteLine($"scaled down after {(DateTime.UtcNow - started).TotalSeconds:F1} s");
    }

    private async Task ScaleSentinelsAsync(ClusterUnderTest cluster, RedisPodRunner runner)
    {
        var started = DateTime.UtcNow;
        await RedisFailoverLifecycleTests.CreateAsync(cluster, "cache", s => s.Redis.Replicas = 2);
        await RedisFailoverWaits.ReadyAsync(cluster, "cache", Timeout);
        await using var pool = new RedisConnectionPool(await RedisFailoverLifecycleTests.PasswordAsync(cluster, "cache"));
        var replica = RedisFailoverWaits.Redis(runner, "cache-redis-1");

        // Up: 3 -> 5; the new sentinels monitor the master with the spec's settings and quorum 3 (majority of 5).
        await PatchAsync(cluster, new { spec = new { sentinel = new { replicas = 5 } } });
        var five = await RedisFailoverWaits.StatusAsync(cluster, "cache", s => s is { Phase: Operator.Api.Phase.Ready, Sentinels: { Ready: 5, Total: 5, Agreeing: 5 } }, "5 sentinels agreeing", Timeout);
        Assert.Equal("cache-redis-0", five.Status.Master!.Pod);
        var all = Enumerable.Range(0, 5).Select(i => RedisFailoverWaits.Sentinel(runner, $"cache-sentinel-{i}")).ToList();
        await RedisFailoverWaits.SentinelsKnowExactlyAsync(pool, all, [replica], "cache", Timeout);
        var client = new SentinelClient(pool);
        foreach (var sentinel in all)
        {
            var view = (await client.ObserveAsync(sentinel, "cache", CancellationToken.None)).Master!;
            Assert.Equal((3, 1000L, 3000L, 1), (view.Quorum, view.DownAfterMilliseconds, view.FailoverTimeout, view.ParallelSyncs));
            Assert.Equal(RedisFailoverWaits.Redis(runner, "cache-redis-0"), view.Endpoint);
        }

        output.WriteLine($"scaled up after {(DateTime.UtcNow - started).TotalSeconds:F1} s");

        // Down: 5 -> 3; the rest go back to quorum 2 and are reset until SENTINEL SENTINELS lists only the live ones.
        await PatchAsync(cluster, new { spec = new { sentinel = new { replicas = 3 } } });
        await RedisFailoverWaits.StatusAsync(cluster, "cache", s => s is { Phase: Operator.Api.Phase.Ready, Sentinels: { Ready: 3, Total: 3, Agreeing: 3 } }, "3 sentinels agreeing", Timeout);
        var remaining = all.Take(3).ToList();
        await RedisFailoverWaits.SentinelsKnowExactlyAsync(pool, remaining, [replica], "cache", Timeout);
        foreach (var sentinel in remaining)
        {
            var observed = await client.ObserveAsync(sentinel, "cache", CancellationToken.None);
            Assert.Equal((2, 2), (observed.Master!.Quorum, observed.Master.NumOtherSentinels));
        }

        await RedisFailoverWaits.EventAsync(cluster, "cache", e => e.Reason == "SentinelReset", "a SentinelReset event", Timeout);
        output.WriteLine($"scaled down after {(DateTime.UtcNow - started).TotalSeconds:F1} s");
    }

    private static Task<RedisFailoverResource> PatchAsync(ClusterUnderTest cluster, object mergePatch) =>
        cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync<RedisFailoverResource>(
            new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural, "cache");
}
