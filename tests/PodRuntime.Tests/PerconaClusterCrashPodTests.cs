using BackendStack.Operator.Api;
using k8s;
using k8s.Models;
using static BackendStack.PodRuntime.Tests.PerconaClusterOnPods;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// Crashes of real Galera nodes (kill -9 of the node's container): one node rejoins by itself; after every node
/// crashed the operator bootstraps from the highest seqno (or waits for a person's choice with autoRecovery off), and
/// every committed row is still there.
/// </summary>
[Collection(GaleraTestGroup.Name)]
public sealed class PerconaClusterCrashPodTests
{
    [Fact]
    public async Task AKilledNodeShowsInStatusRejoinsAndReadyReturns()
    {
        await using var stack = await StartAsync();
        await CreateReadyAsync(stack);
        await WriteRowsAsync(stack, 1, 10);

        Assert.True(stack.Cluster.Emulator.Faults.KillPodProcess(Ns, $"{Name}-pxc-1", "pxc"));

        await Eventually.ValueAsync(() => GetAsync(stack.Client),
            c => c.Status?.Nodes?.FirstOrDefault(n => n.Pod == $"{Name}-pxc-1") is { } n && n.State != "Synced"
                 && c.Status.Conditions!.Any(x => x.Type == "Ready" && x.Status == "False"),
            "status to show db-pxc-1 out of the cluster", WaitLimit);
        var ready = await ReadyAsync(stack, 3);
        Assert.Null(ready.Status.LastRecovery);
        await WriteRowsAsync(stack, 11, 20);
        await AssertRowsAsync(stack, 20);
        var pod = await stack.Client.CoreV1.ReadNamespacedPodAsync($"{Name}-pxc-1", Ns);
        Assert.Equal(1, pod.Status.ContainerStatuses.Single().RestartCount);
    }

    [Fact]
    public async Task AfterEveryNodeIsKilledTheClusterComesBackFromTheHighestSeqnoWithEveryCommittedRow()
    {
        await using var stack = await StartAsync();
        await CreateReadyAsync(stack);
        await WriteRowsAsync(stack, 1, 50);

        foreach (var ordinal in new[] { 0, 1, 2 })
        {
            Assert.True(stack.Cluster.Emulator.Faults.KillPodProcess(Ns, $"{Name}-pxc-{ordinal}", "pxc"));
        }

        var ready = await ReadyAsync(stack, 3, c => c.Status.LastRecovery is not null);
        var recovery = ready.Status.LastRecovery!;
        Assert.StartsWith($"{Name}-pxc-", recovery.BootstrapPod, StringComparison.Ordinal);
        Assert.True(recovery.Seqno > 0);
        await AssertRowsAsync(stack, 50);
        var log = await LogAsync(stack.Client, recovery.BootstrapPod!);
        Assert.Contains("bootstrapping a new Primary component from seqno", log, StringComparison.Ordinal);
        var events = await stack.Client.CoreV1.ListNamespacedEventAsync(Ns, fieldSelector: $"involvedObject.name={Name}");
        Assert.Contains(events.Items, e => e.Reason == "ClusterRecovered" && e.Message.Contains(recovery.BootstrapPod!, StringComparison.Ordinal));
        await WriteRowsAsync(stack, 51, 60);
        await AssertRowsAsync(stack, 60);
    }

    [Fact]
    public async Task WithAutoRecoveryOffAFullCrashWaitsForTheAnnotationThenBootstrapsThatNode()
    {
        await using var stack = await StartAsync();
        await CreateReadyAsync(stack, spec: s => s.AutoRecovery = false);
        await WriteRowsAsync(stack, 1, 5);

        foreach (var ordinal in new[] { 2, 1, 0 })
        {
            Assert.True(stack.Cluster.Emulator.Faults.KillPodProcess(Ns, $"{Name}-pxc-{ordinal}", "pxc"));
        }

        var degraded = await Eventually.ValueAsync(() => GetAsync(stack.Client),
            c => c.Status?.Conditions?.FirstOrDefault(x => x.Type == "Degraded") is { Status: "True", Reason: "FullCrash" },
            "Degraded FullCrash", WaitLimit, () => stack.LogTail());
        var message = degraded.Status.Conditions!.First(x => x.Type == "Degraded").Message;
        Assert.Contains("backendstack.io/bootstrap-from", message, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Contains($"{Name}-pxc-{i} seqno ", message, StringComparison.Ordinal));
        Assert.Null(degraded.Status.LastRecovery);

        // Nothing happens by itself: a few seconds later it still waits.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Null((await GetAsync(stack.Client)).Status.LastRecovery);

        var highest = degraded.Status.Nodes!.OrderByDescending(n => n.Seqno).ThenBy(n => n.Pod, StringComparer.Ordinal).First().Pod!;
        await stack.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(new { metadata = new { annotations = new Dictionary<string, string> { ["backendstack.io/bootstrap-from"] = highest } } }, V1Patch.PatchType.MergePatch),
            PerconaCluster.Group, PerconaCluster.Version, Ns, PerconaCluster.Plural, Name);
        var ready = await ReadyAsync(stack, 3, c => c.Status.LastRecovery is not null);
        Assert.Equal(highest, ready.Status.LastRecovery!.BootstrapPod);
        await AssertRowsAsync(stack, 5);
    }

    private static async Task WriteRowsAsync(OperatorOnLocalPods stack, int from, int to)
    {
        await using var connection = await ConnectAsync(stack.Client, 0);
        await ScalarAsync(connection, "CREATE TABLE IF NOT EXISTS shop.rows_kept (id INT PRIMARY KEY)");
        for (var id = from; id <= to; id++)
        {
            await ScalarAsync(connection, $"INSERT INTO shop.rows_kept VALUES ({id})");
        }
    }

    private static async Task AssertRowsAsync(OperatorOnLocalPods stack, int count)
    {
        foreach (var ordinal in new[] { 0, 1, 2 })
        {
            await using var connection = await ConnectAsync(stack.Client, ordinal);
            await ScalarAsync(connection, "SET SESSION wsrep_sync_wait = 1");
            Assert.Equal((long)count, await ScalarAsync(connection, "SELECT COUNT(*) FROM shop.rows_kept"));
        }
    }

    private static async Task<string> LogAsync(Kubernetes client, string pod)
    {
        using var reader = new StreamReader(await client.CoreV1.ReadNamespacedPodLogAsync(pod, Ns, "pxc"));
        return await reader.ReadToEndAsync();
    }
}
