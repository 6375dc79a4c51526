using BackendStack.Operator.Api;
using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Tests.Controllers;
using k8s;
using k8s.Models;
using static BackendStack.Tests.Redis.RedisFailoverLifecycleTests;
using RedisFailoverResource = BackendStack.Operator.Api.RedisFailover;

namespace BackendStack.Tests.Redis;

/// <summary>A changed image and startup-only directive roll a running RedisFailover against real Redis and Sentinel: replicas first, the master handed over by Sentinel.</summary>
[Collection(EmulatedRedisPodsGroup.Name)]
public sealed class RedisFailoverRollTests
{
    private const string Ns = ClusterUnderTest.Namespace;

    [Fact]
    public async Task ImageAndStartupConfigChangeRollReplicasFirstAndMoveTheMasterBySentinelFailover()
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        await using var op = await cluster.StartOperatorAsync();
        await using var runner = new RedisPodRunner(cluster.Client, Ns, "roll");
        await CreateAsync(cluster, "roll");
        var ready = await Eventually.ValueAsync(async () => await GetAsync(cluster, "roll") is { Status: { Phase: Phase.Ready, Sentinels.Agreeing: 3 } } rf ? rf : null, "Ready", TimeSpan.FromSeconds(60));
        Assert.Equal("roll-redis-0", ready.Status.Master!.Pod);
        await using var pool = new RedisConnectionPool(await PasswordAsync(cluster, "roll"));
        await using var timelinePool = new RedisConnectionPool(await PasswordAsync(cluster, "roll"), TimeSpan.FromSeconds(1));
        await using var timeline = new SentinelMasterTimeline(runner, timelinePool, "roll");
        Assert.True(await (await pool.GetAsync(new RedisEndpoint(ready.Status.Master.Ip!, 6379), sentinel: false)).GetDatabase().StringSetAsync("before-roll", "kept"));
        var oldRevision = (await cluster.Client.AppsV1.ReadNamespacedStatefulSetStatusAsync("roll-redis", Ns)).Status.UpdateRevision;

        await cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"redis":{"image":"redis:7.4","config":{"databases":"32"}}}}""", V1Patch.PatchType.MergePatch),
            RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural, "roll");

        // The harness (playing the kubelet) may restart the last pod's server after the API already shows
        // it replaced, so the wait also asks every sentinel itself.
        var sentinels = new SentinelClient(pool);
        var rolled = await Eventually.ValueAsync(
            async () => runner.Stopped.Count == 6 && await RolledAsync(cluster, oldRevision)
                && await GetAsync(cluster, "roll") is { Status: { Phase: Phase.Ready, Sentinels.Agreeing: 3, Failovers: > 0, Master.Ip: { } ip } } rf
                && rf.Status.Conditions!.Single(c => c.Type == "Progressing").Status == "False"
                && (await Task.WhenAll(runner.Pods.Where(p => p.StartsWith("roll-sentinel-", StringComparison.Ordinal))
                    .Select(p => sentinels.GetMasterAddressAsync(new RedisEndpoint(runner.Process(p).Host, 26379), "roll", CancellationToken.None)))).All(m => m?.Host == ip) ? rf : null,
            "every pod on the new revision and the RedisFailover Ready again",
            TimeSpan.FromSeconds(180));

        // Every pod restarted exactly once; the master moved by Sentinel failover, which the status records.
        var redisStops = runner.Stops.Where(s => s.Pod.StartsWith("roll-redis-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["roll-redis-0", "roll-redis-1", "roll-redis-2"], redisStops.Select(s => s.Pod).Order(StringComparer.Ordinal));
        Assert.Equal(["roll-sentinel-0", "roll-sentinel-1", "roll-sentinel-2"], runner.Stopped.Where(p => p.StartsWith("roll-sentinel-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(rolled.Status.Master!.Pod, rolled.Status.LastFailover!.To);

        // The roll order, in every run, following what Sentinel did (on a busy machine it may also fail over by
        // itself, when a master misses its down-after window): no pod stopped while the sentinels named it master,
        // and each replica stopped was the highest ordinal left among the outdated pods that were not the master.
        var outdated = new SortedSet<string>(redisStops.Select(s => s.Pod), StringComparer.Ordinal);
        foreach (var stop in redisStops)
        {
            // A master stopped would still be named for down-after-milliseconds (1 s): the next round of answers shows it.
            var after = timeline.FirstAfter(stop.At)
                ?? throw new Xunit.Sdk.XunitException($"no two sentinels answered after {stop.Pod} stopped at {stop.At:HH:mm:ss.fff}: the roll order cannot be followed");
            Assert.True(after.MasterHost != stop.Host, $"{stop.Pod} ({stop.Host}) was stopped while the sentinels named it master (answers {string.Join(", ", after.Named)} at {after.At:HH:mm:ss.fff})");
            outdated.Remove(stop.Pod);
            var expected = outdated.Append(stop.Pod).Where(p => p != after.MasterPod).Max(StringComparer.Ordinal);
            Assert.True(expected == stop.Pod, $"stopped {stop.Pod} while {expected} was the highest outdated replica (master {after.MasterPod ?? after.MasterHost}); stops: {string.Join(", ", redisStops.Select(s => s.Pod))}");
        }

        // The handover is no split brain, even when the operator demotes the old master before Sentinel does. Only a
        // failover Sentinel made by itself can leave a second master (the old one, still answering), so there can be
        // at most as many split brains as failovers beyond the roll's own handovers.
        var handovers = (await cluster.Client.CoreV1.ListNamespacedEventAsync(Ns, fieldSelector: "involvedObject.name=roll")).Items
            .Where(e => e.Reason == "MasterChanged" && e.Message.StartsWith("Asked sentinel ", StringComparison.Ordinal)).Sum(e => e.Count ?? 1);
        var ownFailovers = (rolled.Status.Failovers ?? 0) - handovers;
        Assert.True(
            (rolled.Status.SplitBrainsResolved ?? 0) <= Math.Max(0, ownFailovers),
            $"{rolled.Status.SplitBrainsResolved} split brains resolved in a roll with {rolled.Status.Failovers} failovers, {handovers} of them the roll's handovers");

        var pods = (await cluster.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "app.kubernetes.io/instance=roll")).Items;
        Assert.All(pods, p => Assert.Equal("redis:7.4", p.Spec.Containers[0].Image));

        // The directive Redis reads only at start is in force on every restarted server. (A new client:
        // a replaced pod may have been given its predecessor's address, where the old sockets are dead.)
        await using var client = new RedisConnectionPool(await PasswordAsync(cluster, "roll"));
        var nodes = new RedisNodeClient(client);
        foreach (var pod in pods.Where(p => p.Metadata.Name.StartsWith("roll-redis-", StringComparison.Ordinal)))
        {
            // The harness may still be starting the last replaced pod's server when the status is Ready again.
            await Eventually.TrueAsync(
                async () => (await nodes.ConfigGetAsync(new RedisEndpoint(pod.Status.PodIP, 6379), "databases", CancellationToken.None))["databases"] == "32",
                $"databases 32 on {pod.Metadata.Name}", TimeSpan.FromSeconds(30));
        }

        // Data written before the roll is there, and writes through the master Service succeed.
        var masterIp = await Eventually.ValueAsync(() => MasterEndpointAsync(cluster, "roll"), "the master Service's endpoint");
        Assert.Equal(rolled.Status.Master.Ip, masterIp);
        var db = (await client.GetAsync(new RedisEndpoint(masterIp, 6379), sentinel: false)).GetDatabase();
        Assert.Equal("kept", (string?)await db.StringGetAsync("before-roll"));
        Assert.True(await db.StringSetAsync("after-roll", "written"));

        var events = (await cluster.Client.CoreV1.ListNamespacedEventAsync(Ns, fieldSelector: "involvedObject.name=roll")).Items;
        foreach (var pod in new[] { "replica roll-redis-0", "replica roll-redis-1", "replica roll-redis-2", "sentinel roll-sentinel-0", "sentinel roll-sentinel-1", "sentinel roll-sentinel-2" })
        {
            Assert.Contains(events, e => e.Reason == "RollingUpdate" && e.Message == $"Restarted {pod} on the new revision");
        }

        Assert.Contains(events, e => e.Reason == "MasterChanged" && e.Message.Contains("to fail over from roll-redis-", StringComparison.Ordinal));
    }

    /// <summary>Both StatefulSets observed their latest spec, moved on from the old revision, and every pod carries the new one.</summary>
    private static async Task<bool> RolledAsync(ClusterUnderTest cluster, string oldRevision)
    {
        foreach (var name in new[] { "roll-redis", "roll-sentinel" })
        {
            var set = await cluster.Client.AppsV1.ReadNamespacedStatefulSetStatusAsync(name, Ns);
            if (set.Status.ObservedGeneration != set.Metadata.Generation || set.Status.UpdatedReplicas != set.Spec.Replicas || set.Status.ReadyReplicas != set.Spec.Replicas)
            {
                return false;
            }
        }

        return (await cluster.Client.AppsV1.ReadNamespacedStatefulSetStatusAsync("roll-redis", Ns)).Status.UpdateRevision != oldRevision;
    }
}
