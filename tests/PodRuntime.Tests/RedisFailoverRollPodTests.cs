using BackendStack.Operator.Api;
using k8s;
using k8s.Models;
using static BackendStack.PodRuntime.Tests.RedisFailoverOnPods;

namespace BackendStack.PodRuntime.Tests;

/// <summary>A changed image and startup-only directive roll the real Pods of a running RedisFailover.</summary>
public sealed class RedisFailoverRollPodTests
{
    private static readonly string[] Components = ["redis", "sentinel"];

    [Fact]
    public async Task ImageAndStartupConfigChangeReplaceEveryPodAndMoveTheMasterBySentinelFailover()
    {
        await using var stack = await StartAsync();
        var ready = await CreateReadyAsync(stack);
        var password = await PasswordAsync(stack.Client);
        Assert.Equal("OK", await RedisCommand.RunAsync(ready.Status.Master!.Ip!, password, "SET", "before-roll", "kept"));
        Assert.Equal("2", await RedisCommand.RunAsync(ready.Status.Master.Ip!, password, "WAIT", 2, 10_000));
        var before = await AllPodsAsync(stack.Client);
        var oldUids = before.Select(p => p.Metadata.Uid).ToHashSet();
        var oldRevisions = before.Select(Revision).ToHashSet();

        await PatchRedisAsync(stack.Client, new { image = "redis:7.4", config = new Dictionary<string, string> { ["databases"] = "32" } });

        // OnDelete: the operator deletes one Pod at a time, so at most one of each StatefulSet is ever missing or not ready.
        var mostDownAtOnce = 0;
        var rolled = await Eventually.ValueAsync(
            async () =>
            {
                var pods = await AllPodsAsync(stack.Client);
                mostDownAtOnce = Math.Max(mostDownAtOnce, Components.Max(c => 3 - pods.Count(p => Component(p) == c && IsReady(p))));
                return pods;
            },
            pods => pods.Count == 6 && pods.All(p => IsReady(p) && !oldUids.Contains(p.Metadata.Uid) && !oldRevisions.Contains(Revision(p))),
            "every Pod replaced on the new revision", WaitLimit, () => stack.LogTail());
        Assert.Equal(1, mostDownAtOnce);
        Assert.All(rolled, p => Assert.Equal("redis:7.4", p.Spec.Containers[0].Image));
        Assert.Single(rolled.Where(p => Component(p) == "redis").Select(Revision).Distinct());

        var status = await ReadyAsync(stack, redis: 3, rf => rf.Status.Failovers > 0);
        Assert.Equal(status.Status.Master!.Pod, status.Status.LastFailover!.To);
        foreach (var pod in rolled.Where(p => Component(p) == "redis").ToList())
        {
            // The Pod may be Ready a moment before its server answers commands after a full resync.
            await Eventually.ValueAsync(() => RedisCommand.ConfigGetAsync(pod.Status.PodIP, password, "databases"),
                v => v == "32", $"databases 32 on {pod.Metadata.Name}", WaitLimit);
        }

        var masterIp = await Eventually.ValueAsync(() => MasterEndpointAsync(stack.Client), ip => ip == status.Status.Master.Ip, "the master Service's Endpoints on the new master", WaitLimit);
        Assert.Equal("kept", await RedisCommand.RunAsync(masterIp!, password, "GET", "before-roll"));
        Assert.Equal("OK", await RedisCommand.RunAsync(masterIp!, password, "SET", "after-roll", "written"));
    }

    private static async Task<IReadOnlyList<V1Pod>> AllPodsAsync(Kubernetes client) =>
        [.. await PodsAsync(client, "redis"), .. await PodsAsync(client, "sentinel")];

    private static string Component(V1Pod pod) => pod.Metadata.Labels["app.kubernetes.io/component"];

    private static string Revision(V1Pod pod) => $"{Component(pod)}/{pod.Metadata.Labels["controller-revision-hash"]}";

    private static bool IsReady(V1Pod pod) =>
        pod.Metadata.DeletionTimestamp is null && pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;
}
