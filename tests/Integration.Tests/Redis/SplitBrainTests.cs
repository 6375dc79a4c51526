using BackendStack.Operator.Api;
using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Tests.Controllers;
using k8s;
using Xunit.Abstractions;

namespace BackendStack.Tests.Redis;

/// <summary>
/// A second master against the operator and real sentinels that know every replica, so Sentinel's own conversion
/// competes: the operator's Event, its count in status and the sentinels' logs (no +convert-to-slave) show that the
/// operator, not Sentinel, made it a replica again.
/// </summary>
[Collection(EmulatedRedisPodsGroup.Name)]
public sealed class SplitBrainTests(ITestOutputHelper output)
{
    private const string Ns = ClusterUnderTest.Namespace;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    [Fact]
    public Task ForcedSecondMasterIsDemotedByTheOperatorAndCounted() =>
        RedisScenario.RunAsync(output, "cache", DemoteAsync);

    private async Task DemoteAsync(ClusterUnderTest cluster, RedisPodRunner runner)
    {
        await RedisFailoverLifecycleTests.CreateAsync(cluster, "cache");
        var ready = await RedisFailoverWaits.ReadyAsync(cluster, "cache", Timeout);
        await using var pool = new RedisConnectionPool(await RedisFailoverLifecycleTests.PasswordAsync(cluster, "cache"));
        var nodes = new RedisNodeClient(pool);
        var master = new RedisEndpoint(ready.Status.Master!.Ip!, 6379);
        await (await pool.GetAsync(master, sentinel: false)).GetDatabase().StringSetAsync("before-split", "kept");
        var rogue = new RedisEndpoint(runner.Process("cache-redis-2").Host, 6379);

        // Sentinel knows the replica, so it would convert it back on its own after 8 s or more.
        await RedisFailoverWaits.SentinelsKnowExactlyAsync(
            pool,
            [.. Enumerable.Range(0, 3).Select(i => RedisFailoverWaits.Sentinel(runner, $"cache-sentinel-{i}"))],
            [RedisFailoverWaits.Redis(runner, "cache-redis-1"), rogue],
            "cache",
            Timeout);
        await Eventually.TrueAsync(async () => (await nodes.GetReplicationAsync(rogue, CancellationToken.None)).MasterReplOffset > 0, "the replica to hold data", Timeout);
        var promoted = DateTime.UtcNow;
        await nodes.ReplicaOfAsync(rogue, null, CancellationToken.None);

        await RedisFailoverWaits.EventAsync(
            cluster, "cache", e => e.Reason == "SplitBrainResolved" && e.Message.Contains("Demoted second master cache-redis-2", StringComparison.Ordinal), "the operator to demote the second master", Timeout);
        output.WriteLine($"demoted {(DateTime.UtcNow - promoted).TotalSeconds:F1} s after REPLICAOF NO ONE");
        await Eventually.TrueAsync(
            async () => await nodes.GetReplicationAsync(rogue, CancellationToken.None) is { Role: RedisRole.Replica, MasterLinkUp: true } i && i.Master == master,
            "the demoted node to replicate from the master", Timeout);
        Assert.Equal("kept", (string?)await (await pool.GetAsync(rogue, sentinel: false)).GetDatabase().StringGetAsync("before-split"));

        // The operator was first: no sentinel converted the node itself (a sentinel logs +convert-to-slave when it does).
        foreach (var sentinel in Enumerable.Range(0, 3).Select(i => $"cache-sentinel-{i}"))
        {
            Assert.DoesNotContain("+convert-to-slave", await File.ReadAllTextAsync(runner.Process(sentinel).LogPath), StringComparison.Ordinal);
        }

        var counted = await Eventually.ValueAsync(
            async () => await RedisFailoverLifecycleTests.GetAsync(cluster, "cache") is { Status: { SplitBrainsResolved: 1, Phase: Phase.Ready } } rf ? rf : null,
            "status to count the split brain and be Ready", Timeout);
        Assert.Equal("cache-redis-0", counted.Status.Master!.Pod);
        Assert.Equal(0, counted.Status.Failovers);
        Assert.Equal(["cache-redis-0"], (await cluster.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "backendstack.io/role=master")).Items.Select(p => p.Metadata.Name));
    }
}
