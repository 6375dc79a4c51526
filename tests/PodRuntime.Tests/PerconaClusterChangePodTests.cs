using BackendStack.Operator.Api;
using k8s;
using k8s.Models;
using static BackendStack.PodRuntime.Tests.PerconaClusterOnPods;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// Changes to a running PerconaCluster on real Galera nodes: scaling one node at a time (spec and scale
/// subresource), pause and resume, a mysqlConfig change rolled one node at a time, and deletion that keeps the data.
/// </summary>
[Collection(GaleraTestGroup.Name)]
public sealed class PerconaClusterChangePodTests
{
    [Fact]
    public async Task ScaleThreeToFiveThroughTheScaleSubresourceAndBackToThreeKeepsTheDataAndDeletionKeepsTheClaims()
    {
        await using var stack = await StartAsync();
        await CreateReadyAsync(stack);
        await WriteAsync(stack, "before scaling");

        await stack.Client.CustomObjects.PatchNamespacedCustomObjectScaleAsync(
            new V1Patch(new { spec = new { replicas = 5 } }, V1Patch.PatchType.MergePatch), PerconaCluster.Group, PerconaCluster.Version, Ns, PerconaCluster.Plural, Name);
        await ReadyAsync(stack, 5);
        Assert.Equal("before scaling", await ReadAsync(stack, 4));
        Assert.Equal(5, (await stack.Client.AppsV1.ReadNamespacedStatefulSetAsync($"{Name}-pxc", Ns)).Spec.Replicas);

        await PatchSpecAsync(stack.Client, new { size = 3 });
        var three = await ReadyAsync(stack, 3);
        Assert.All(three.Status.Nodes!, n => Assert.Equal(3, n.ClusterSize));
        Assert.Equal("before scaling", await ReadAsync(stack, 2));
        var events = (await stack.Client.CoreV1.ListNamespacedEventAsync(Ns, fieldSelector: $"involvedObject.name={Name}")).Items;
        Assert.Equal(2, events.Count(e => e.Reason == "ScaledUp" && e.Message.Contains("adding node", StringComparison.Ordinal) && e.Message.Contains("of 5", StringComparison.Ordinal)));
        Assert.Equal(2, events.Count(e => e.Reason == "ScaledDown"));
        // Scale-down and deletion keep the claims (storage.deletePolicy: Retain).
        await stack.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(PerconaCluster.Group, PerconaCluster.Version, Ns, PerconaCluster.Plural, Name);
        await Eventually.ValueAsync(() => stack.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: $"app.kubernetes.io/instance={Name}"), p => p.Items.Count == 0, "every node pod gone", WaitLimit);
        var claims = await stack.Client.CoreV1.ListNamespacedPersistentVolumeClaimAsync(Ns);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"datadir-{Name}-pxc-{i}"), claims.Items.Select(c => c.Metadata.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PauseStopsEveryNodeAndResumeBringsTheDataBack()
    {
        await using var stack = await StartAsync();
        await CreateReadyAsync(stack);
        await WriteAsync(stack, "before the pause");

        await PatchSpecAsync(stack.Client, new { pause = true });
        var paused = await Eventually.ValueAsync(() => GetAsync(stack.Client), c => c.Status is { Phase: Phase.Paused, Size: 0 }, "Paused with no node", WaitLimit, () => stack.LogTail());
        Assert.Equal("True", paused.Status.Conditions!.Single(c => c.Type == "Paused").Status);
        Assert.Empty((await stack.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: $"app.kubernetes.io/instance={Name}")).Items);

        await PatchSpecAsync(stack.Client, new { pause = false });
        var resumed = await ReadyAsync(stack, 3);
        Assert.Equal("False", resumed.Status.Conditions!.Single(c => c.Type == "Paused").Status);
        Assert.Equal("before the pause", await ReadAsync(stack, 1));
    }

    [Fact]
    public async Task AMysqlConfigChangeRollsEveryNodeOneAtATimeHighestOrdinalFirst()
    {
        await using var stack = await StartAsync();
        var ready = await CreateReadyAsync(stack);
        await WriteAsync(stack, "before the roll");

        await PatchSpecAsync(stack.Client, new { mysqlConfig = ready.Spec.MysqlConfig + "\nmax_connections = 77\nwsrep_provider_options = \"evs.suspect_timeout=PT3S\"" });
        await ReadyAsync(stack, 3, c => c.Status.Conditions!.Any(x => x.Type == "Progressing" && x.Status == "False"));
        await Eventually.ValueAsync(async () =>
        {
            var values = new List<long>();
            foreach (var ordinal in Enumerable.Range(0, 3))
            {
                await using var connection = await ConnectAsync(stack.Client, ordinal);
                values.Add(Convert.ToInt64(await ScalarAsync(connection, "SELECT @@max_connections"), System.Globalization.CultureInfo.InvariantCulture));
            }

            return values;
        }, v => v.All(x => x == 77), "max_connections 77 on every node", WaitLimit);
        await using (var connection = await ConnectAsync(stack.Client, 1))
        {
            var options = (string)(await ScalarAsync(connection, "SELECT @@wsrep_provider_options"))!;
            Assert.Contains("evs.suspect_timeout = PT3S", options, StringComparison.Ordinal);
            Assert.Contains("pc.recovery = false", options, StringComparison.OrdinalIgnoreCase);
        }

        var rolls = (await stack.Client.CoreV1.ListNamespacedEventAsync(Ns, fieldSelector: $"involvedObject.name={Name}")).Items
            .Where(e => e.Reason == "RollingUpdate").OrderBy(e => e.FirstTimestamp ?? e.EventTime).Select(e => e.Message.Split(' ')[1]).ToList();
        Assert.Equal([$"{Name}-pxc-2", $"{Name}-pxc-1", $"{Name}-pxc-0"], rolls);
        Assert.Equal("before the roll", await ReadAsync(stack, 0));
    }

    [Fact]
    public async Task WithDeletePolicyDeleteDeletingTheClusterDeletesItsClaims()
    {
        await using var stack = await StartAsync();
        await CreateReadyAsync(stack, size: 1, spec: s =>
        {
            s.UnsafeFlags = new UnsafeFlags { Size = true };
            s.Storage = new StorageSpec { Size = "1Gi", DeletePolicy = DeletePolicy.Delete };
        });
        Assert.Contains("backendstack.io/cleanup", (await GetAsync(stack.Client)).Metadata.Finalizers);
        await stack.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(PerconaCluster.Group, PerconaCluster.Version, Ns, PerconaCluster.Plural, Name);
        await Eventually.ValueAsync(() => stack.Client.CoreV1.ListNamespacedPersistentVolumeClaimAsync(Ns), c => c.Items.Count == 0, "the claims deleted", WaitLimit, () => stack.LogTail());
        await Eventually.ValueAsync(async () =>
        {
            try
            {
                await GetAsync(stack.Client);
                return false;
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return true;
            }
        }, gone => gone, "the cluster gone once its finalizer is removed", WaitLimit);
    }

    private static async Task WriteAsync(OperatorOnLocalPods stack, string text)
    {
        await using var connection = await ConnectAsync(stack.Client, 0);
        await ScalarAsync(connection, $"CREATE TABLE IF NOT EXISTS shop.notes (id INT AUTO_INCREMENT PRIMARY KEY, text TEXT); INSERT INTO shop.notes (text) VALUES ('{text}')");
    }

    private static async Task<object?> ReadAsync(OperatorOnLocalPods stack, int ordinal)
    {
        await using var connection = await ConnectAsync(stack.Client, ordinal);
        await ScalarAsync(connection, "SET SESSION wsrep_sync_wait = 1");
        return await ScalarAsync(connection, "SELECT text FROM shop.notes ORDER BY id DESC LIMIT 1");
    }
}
