using BackendStack.Operator.Api;
using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Tests.Controllers;
using k8s;
using k8s.Models;
using Xunit.Abstractions;
using RedisFailoverResource = BackendStack.Operator.Api.RedisFailover;

namespace BackendStack.Tests.Redis;

/// <summary>
/// The operator against the emulator, with a real redis-server or redis-sentinel started for every
/// pod the emulator's StatefulSet controller creates (see <see cref="RedisPodRunner"/>).
/// </summary>
[Collection(EmulatedRedisPodsGroup.Name)]
public sealed class RedisFailoverLifecycleTests(ITestOutputHelper output)
{
    private const string Ns = ClusterUnderTest.Namespace;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    [Fact]
    public Task BootstrapFailoverAndRejoinAreHandled() =>
        RedisScenario.RunAsync(output, "cache", BootstrapFailOverAndRejoinAsync);

    private static async Task BootstrapFailOverAndRejoinAsync(ClusterUnderTest cluster, RedisPodRunner runner)
    {
        await CreateAsync(cluster, "cache");

        // Bootstrap: pod 0 becomes master, the others replicas, sentinels monitor it; Ready.
        var ready = await RedisFailoverWaits.ReadyAsync(cluster, "cache", Timeout);
        Assert.Equal("cache-redis-0", ready.Status.Master!.Pod);
        Assert.Equal((3, 3, 3), (ready.Status.Redis!.Ready, ready.Status.Sentinels!.Ready, ready.Status.Sentinels.Agreeing));
        Assert.Equal(ready.Status.Master.Ip, await MasterEndpointAsync(cluster, "cache"));
        await using var pool = new RedisConnectionPool(await PasswordAsync(cluster, "cache"));
        await WriteAsync(pool, ready.Status.Master.Ip!, "before-failover");

        // Replication is asynchronous: the kill must come after both replicas hold the key.
        Assert.Equal(2L, (long)await (await pool.GetAsync(new RedisEndpoint(ready.Status.Master.Ip!, 6379), sentinel: false)).GetDatabase().ExecuteAsync("WAIT", 2, 10000));

        // kill -9 the master: Sentinel fails over, the label and the Service follow, status and events record it.
        runner.Process("cache-redis-0").Kill();
        var failedOver = await RedisFailoverWaits.StatusAsync(cluster, "cache", s => s is { Failovers: > 0 }, "the failover in status", Timeout);
        Assert.Equal(1, failedOver.Status.Failovers);

        var newMaster = failedOver.Status.LastFailover!.To!;
        Assert.Equal("cache-redis-0", failedOver.Status.LastFailover.From);
        Assert.NotEqual("cache-redis-0", newMaster);
        var newIp = (await cluster.Client.CoreV1.ReadNamespacedPodAsync(newMaster, Ns)).Status.PodIP;
        await Eventually.TrueAsync(async () => await MasterEndpointAsync(cluster, "cache") == newIp, "the master Service to point at the new master", Timeout);
        await WriteAsync(pool, newIp, "after-failover");
        Assert.Equal("before-failover", (string?)await (await pool.GetAsync(new RedisEndpoint(newIp, 6379), sentinel: false)).GetDatabase().StringGetAsync("before-failover"));
        var events = await cluster.Client.CoreV1.ListNamespacedEventAsync(Ns, fieldSelector: "involvedObject.name=cache");
        Assert.Contains(events.Items, e => e.Reason == "MasterChanged" && e.Message.Contains(newMaster, StringComparison.Ordinal));

        // The old master comes back (same pod, same IP) and ends up a replica of the new one.
        await runner.RestartAsync("cache-redis-0");
        var nodes = new RedisNodeClient(pool);
        var oldIp = runner.Process("cache-redis-0").Host;
        await Eventually.TrueAsync(
            async () => await nodes.GetReplicationAsync(new RedisEndpoint(oldIp, 6379), CancellationToken.None) is { Role: RedisRole.Replica, MasterLinkUp: true } i && i.Master!.Value.Host == newIp,
            "the old master to rejoin as a replica", Timeout);

        Assert.Equal([newMaster], (await cluster.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "backendstack.io/role=master")).Items.Select(p => p.Metadata.Name));
    }

    internal static Task CreateAsync(ClusterUnderTest cluster, string name, Action<RedisFailoverSpec>? tweak = null)
    {
        var rf = new RedisFailoverResource { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns } };
        rf.Spec.Sentinel.DownAfterMilliseconds = 1000;
        rf.Spec.Sentinel.FailoverTimeout = 3000;
        tweak?.Invoke(rf.Spec);
        return cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(rf, RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural);
    }

    internal static Task<RedisFailoverResource> GetAsync(ClusterUnderTest cluster, string name) =>
        cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<RedisFailoverResource>(RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural, name);

    /// <summary>The address behind the master Service (its Endpoints, as kube-proxy would route).</summary>
    internal static async Task<string?> MasterEndpointAsync(ClusterUnderTest cluster, string name)
    {
        var endpoints = await cluster.Client.CoreV1.ListNamespacedEndpointsAsync(Ns, fieldSelector: $"metadata.name={name}-redis-master");
        var addresses = endpoints.Items.SelectMany(e => e.Subsets ?? []).SelectMany(s => s.Addresses ?? []).Select(a => a.Ip).ToList();
        return addresses.Count == 1 ? addresses[0] : null;
    }

    internal static async Task<string> PasswordAsync(ClusterUnderTest cluster, string name) =>
        System.Text.Encoding.UTF8.GetString((await cluster.Client.CoreV1.ReadNamespacedSecretAsync($"{name}-redis-auth", Ns)).Data["password"]);

    private static async Task WriteAsync(RedisConnectionPool pool, string ip, string key)
    {
        var db = (await pool.GetAsync(new RedisEndpoint(ip, 6379), sentinel: false)).GetDatabase();
        Assert.True(await db.StringSetAsync(key, key));
    }
}
