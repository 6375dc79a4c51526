using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Tests.Controllers;
using k8s;
using k8s.Models;
using Xunit.Abstractions;
using RedisFailoverResource = BackendStack.Operator.Api.RedisFailover;

namespace BackendStack.Tests.Redis;

/// <summary>A configuration change on a running RedisFailover, against real servers.</summary>
[Collection(EmulatedRedisPodsGroup.Name)]
public sealed class LiveConfigTests(ITestOutputHelper output)
{
    private const string Ns = ClusterUnderTest.Namespace;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    [Fact]
    public Task MemoryLimitAndExtraDirectivesAreSetOnEveryPodWithoutARestart() =>
        RedisScenario.RunAsync(output, "cache", ChangeConfigAsync);

    private static async Task ChangeConfigAsync(ClusterUnderTest cluster, RedisPodRunner runner)
    {
        await RedisFailoverLifecycleTests.CreateAsync(cluster, "cache", s => s.Redis.MaxMemory = "64mb");
        await RedisFailoverWaits.ReadyAsync(cluster, "cache", Timeout);
        await using var pool = new RedisConnectionPool(await RedisFailoverLifecycleTests.PasswordAsync(cluster, "cache"));
        var nodes = new RedisNodeClient(pool);
        var pods = Enumerable.Range(0, 3).Select(i => RedisFailoverWaits.Redis(runner, $"cache-redis-{i}")).ToList();
        var runIds = await RunIdsAsync(pool, pods);
        var template = (await cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync("cache-redis", Ns)).Spec.Template.Metadata.Annotations;
        foreach (var pod in pods)
        {
            Assert.Equal("67108864", (await nodes.ConfigGetAsync(pod, "maxmemory", CancellationToken.None))["maxmemory"]);
        }

        await cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync<RedisFailoverResource>(
            new V1Patch("""{"spec":{"redis":{"maxMemory":"128mb","maxMemoryPolicy":"allkeys-lru","config":{"hz":"20"}}}}""", V1Patch.PatchType.MergePatch),
            RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural, "cache");

        foreach (var pod in pods)
        {
            await Eventually.TrueAsync(
                async () => await nodes.ConfigGetAsync(pod, "*", CancellationToken.None) is var running
                    && running["maxmemory"] == "134217728" && running["maxmemory-policy"] == "allkeys-lru" && running["hz"] == "20",
                $"{pod} to run the new configuration", Timeout);
        }

        Assert.Equal(runIds, await RunIdsAsync(pool, pods));
        Assert.Equal(template, (await cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync("cache-redis", Ns)).Spec.Template.Metadata.Annotations);
        var conf = (await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("cache-redis-config", Ns)).Data[Operator.RedisFailovers.Builders.ConfigMapBuilder.RedisConfKey];
        Assert.Contains("maxmemory 134217728\n", conf, StringComparison.Ordinal);
        Assert.Contains("hz 20\n", conf, StringComparison.Ordinal);
        // Events are recorded in the background.
        var events = await Eventually.ValueAsync(
            async () => await cluster.Client.CoreV1.ListNamespacedEventAsync(Ns, fieldSelector: "involvedObject.name=cache") is var list
                && list.Items.Any(e => e.Reason == "ConfigCorrected" && e.Message.Contains("maxmemory on cache-redis-2", StringComparison.Ordinal)) ? list : null,
            "an event about the new maxmemory",
            Timeout);
        Assert.DoesNotContain(events.Items, e => e.Type == "Warning");
        await RedisFailoverWaits.StatusAsync(cluster, "cache", s => s is { Phase: Operator.Api.Phase.Ready, ObservedGeneration: 2 }, "Ready for the new generation", Timeout);
    }

    /// <summary>Each server's run_id, which changes when the process restarts.</summary>
    private static async Task<IReadOnlyList<string>> RunIdsAsync(RedisConnectionPool pool, IReadOnlyList<RedisEndpoint> pods)
    {
        var ids = new List<string>();
        foreach (var pod in pods)
        {
            var info = await (await pool.ServerAsync(pod, sentinel: false)).InfoAsync("server");
            ids.Add(info.SelectMany(g => g).Single(p => p.Key == "run_id").Value);
        }

        return ids;
    }
}
