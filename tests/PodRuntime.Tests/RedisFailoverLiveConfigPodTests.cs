using k8s.Models;
using static BackendStack.PodRuntime.Tests.RedisFailoverOnPods;

namespace BackendStack.PodRuntime.Tests;

/// <summary>A runtime directive changed on a running RedisFailover reaches every real server without a restart.</summary>
public sealed class RedisFailoverLiveConfigPodTests
{
    [Fact]
    public async Task MaxMemoryAndARuntimeDirectiveAreSetOnEveryPodWithoutARestart()
    {
        await using var stack = await StartAsync();
        await CreateReadyAsync(stack);
        var password = await PasswordAsync(stack.Client);
        var before = await PodsAsync(stack.Client, "redis");
        var runIds = await RunIdsAsync(before, password);

        await PatchRedisAsync(stack.Client, new { maxMemory = "128mb", config = new Dictionary<string, string> { ["hz"] = "20" } });

        foreach (var pod in before)
        {
            await Eventually.ValueAsync(
                async () => (await RedisCommand.ConfigGetAsync(pod.Status.PodIP, password, "maxmemory"), await RedisCommand.ConfigGetAsync(pod.Status.PodIP, password, "hz")),
                v => v == ("134217728", "20"),
                $"{pod.Metadata.Name} to run maxmemory 128mb and hz 20", WaitLimit, () => stack.LogTail());
        }

        await ReadyAsync(stack, redis: 3, rf => rf.Status.ObservedGeneration == 2);
        var after = await PodsAsync(stack.Client, "redis");
        Assert.Equal(before.Select(p => p.Metadata.Uid), after.Select(p => p.Metadata.Uid));
        Assert.All(after, p => Assert.Equal(0, p.Status.ContainerStatuses.Single().RestartCount));
        Assert.Equal(runIds, await RunIdsAsync(after, password));
    }

    /// <summary>Each server's run_id, which changes whenever its process starts again.</summary>
    private static async Task<IReadOnlyList<string>> RunIdsAsync(IEnumerable<V1Pod> pods, string password)
    {
        var ids = new List<string>();
        foreach (var pod in pods)
        {
            var info = await RedisCommand.RunAsync(pod.Status.PodIP, password, "INFO", "server");
            ids.Add(info.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("run_id:", StringComparison.Ordinal)));
        }

        return ids;
    }
}
