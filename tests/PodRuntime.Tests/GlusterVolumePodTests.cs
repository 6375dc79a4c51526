using System.Diagnostics;
using BackendStack.Operator.Api;
using k8s;
using k8s.Models;
using Xunit.Abstractions;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// GlusterVolume end to end through Pods: the operator (its own process) writes the Service, budget and StatefulSet;
/// the local runtime runs each brick's pod as a real glusterd on its Pod IP; the operator forms the pool, creates and
/// starts the replica-3 volume, keeps its options and restarts a brick whose glusterfsd died.
/// </summary>
[Collection(GlusterTestGroup.Name)]
public sealed class GlusterVolumePodTests(ITestOutputHelper output)
{
    private const string Ns = "files";
    private const string Name = "files";

    /// <summary>Three glusterd pods starting, the pool forming and the bricks coming up on a busy 2-core machine.</summary>
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task AnInvalidSpecChangesNothingThenThreeBricksGetReadyTakeAnOptionWriteNothingWhenQuietRestartAKilledBrickAndKeepTheirClaims()
    {
        await using var stack = await OperatorOnLocalPods.StartAsync(Ns, restartDelay: null);
        var client = stack.Client;
        var resource = new GlusterVolume { Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Ns } };
        resource.Spec.BrickStorage = new StorageSpec { Size = "1Gi" };
        resource.Spec.Options = new Dictionary<string, string> { ["Bad Option"] = "1" };
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(resource, GlusterVolume.Group, GlusterVolume.Version, Ns, GlusterVolume.Plural);

        // An invalid option name: InvalidSpec naming the field, and nothing is created.
        await Eventually.ValueAsync(() => GetAsync(client),
            v => v.Status?.Conditions?.Any(c => c.Type == "Degraded" && c.Reason == ConditionReasons.InvalidSpec && c.Message.Contains("spec.options[Bad Option]", StringComparison.Ordinal)) == true,
            "InvalidSpec naming spec.options[Bad Option]", WaitLimit, () => stack.LogTail());
        Assert.Empty((await client.AppsV1.ListNamespacedStatefulSetAsync(Ns)).Items);

        var clock = Stopwatch.StartNew();
        await PatchOptionsAsync(client, new Dictionary<string, string?> { ["Bad Option"] = null });

        var ready = await ReadyAsync(stack);
        output.WriteLine($"volume Ready with 3/3 bricks {clock.ElapsedMilliseconds} ms after the spec was made valid (when its children are created)");
        Assert.Equal(Name, ready.Status.VolumeName);
        Assert.Equal($"{Name}-gluster.{Ns}.svc.cluster.local:/{Name}", ready.Status.Mount);
        Assert.Equal([$"{Name}-gluster-0", $"{Name}-gluster-1", $"{Name}-gluster-2"], ready.Status.Bricks!.Select(b => b.Pod));
        Assert.All(ready.Status.Bricks!, b => Assert.Equal(($"/bricks/{Name}/brick", true), (b.Path, b.Online)));
        Assert.Equal(0, ready.Status.HealPending);
        Assert.Contains("auto", await GlusterAsync(stack, 0, "volume", "get", Name, "cluster.quorum-type"), StringComparison.Ordinal);
        Assert.Contains("server", await GlusterAsync(stack, 0, "volume", "get", Name, "cluster.server-quorum-type"), StringComparison.Ordinal);

        // An option of spec.options reaches the volume.
        await PatchOptionsAsync(client, new Dictionary<string, string?> { ["performance.cache-size"] = "64MB" });
        await Eventually.ValueAsync(() => GlusterAsync(stack, 1, "volume", "get", Name, "performance.cache-size"), s => s.Contains("64MB", StringComparison.Ordinal),
            "performance.cache-size 64MB in volume get", WaitLimit, () => stack.LogTail());
        var settled = await ReadyAsync(stack, v => v.Status.ObservedGeneration == v.Metadata.Generation);

        // Nothing to change: no volume set and no status write.
        var sets = CountInLog(stack, "volume set");
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Equal(settled.Metadata.ResourceVersion, (await GetAsync(client)).Metadata.ResourceVersion);
        Assert.Equal(sets, CountInLog(stack, "volume set"));

        // kill -9 of one brick's glusterfsd: the status shows it offline, the operator starts it again.
        var victim = $"{Name}-gluster-1";
        var pid = (await ExecAsync(stack, 1, "sh", "-c", $"cat /var/run/gluster/vols/{Name}/*.pid")).Trim();
        Assert.Matches("^[0-9]+$", pid);
        clock.Restart();
        await ExecAsync(stack, 1, "kill", "-9", pid);
        var degraded = await Eventually.ValueAsync(() => GetAsync(client),
            v => v.Status.Bricks?.Any(b => b.Pod == victim && b.Online == false) == true,
            $"{victim}'s brick shown offline", WaitLimit, () => stack.LogTail());
        output.WriteLine($"brick shown offline {clock.ElapsedMilliseconds} ms after kill -9");
        Assert.Equal(Phase.Degraded, degraded.Status.Phase);
        Assert.Contains($"brick {victim} offline", degraded.Status.Conditions!.Single(c => c.Type == "Degraded").Message, StringComparison.Ordinal);
        await ReadyAsync(stack);
        output.WriteLine($"brick back online, volume Ready {clock.ElapsedMilliseconds} ms after kill -9");
        Assert.NotEqual(pid, (await ExecAsync(stack, 1, "sh", "-c", $"cat /var/run/gluster/vols/{Name}/*.pid")).Trim());
        var reasons = (await client.CoreV1.ListNamespacedEventAsync(Ns, fieldSelector: $"involvedObject.name={Name}")).Items.Select(e => e.Reason).ToHashSet();
        Assert.Superset(new HashSet<string> { "VolumeCreated", "BrickOffline", "BrickRestarted", "BrickOnline" }, reasons);

        // kill -9 of a pod's glusterd (the container, and with it its brick): the restarted container finds its peers and
        // volume on the claim, and glusterd starts the brick again.
        clock.Restart();
        Assert.True(stack.Cluster.Emulator.Faults.KillPodProcess(Ns, $"{Name}-gluster-2", "glusterd"));
        await Eventually.ValueAsync(() => client.CoreV1.ReadNamespacedPodAsync($"{Name}-gluster-2", Ns),
            p => p.Status.ContainerStatuses?.SingleOrDefault() is { RestartCount: 1, Ready: true }, "the killed glusterd container restarted and ready", WaitLimit);
        await ReadyAsync(stack);
        output.WriteLine($"volume Ready again {clock.ElapsedMilliseconds} ms after kill -9 of a pod's glusterd");
        Assert.Contains("Number of Peers: 2", await GlusterAsync(stack, 2, "peer", "status"), StringComparison.Ordinal);

        // Deleting the volume keeps the brick claims (brickStorage.deletePolicy: Retain).
        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(GlusterVolume.Group, GlusterVolume.Version, Ns, GlusterVolume.Plural, Name);
        await Eventually.ValueAsync(async () => (await client.AppsV1.ListNamespacedStatefulSetAsync(Ns)).Items.Count, n => n == 0, "the StatefulSet gone with its owner", WaitLimit);
        var claims = (await client.CoreV1.ListNamespacedPersistentVolumeClaimAsync(Ns)).Items.Select(c => c.Metadata.Name).Order(StringComparer.Ordinal);
        Assert.Equal([$"brick-{Name}-gluster-0", $"brick-{Name}-gluster-1", $"brick-{Name}-gluster-2"], claims);
    }

    private static Task<GlusterVolume> GetAsync(Kubernetes client) =>
        client.CustomObjects.GetNamespacedCustomObjectAsync<GlusterVolume>(GlusterVolume.Group, GlusterVolume.Version, Ns, GlusterVolume.Plural, Name);

    /// <summary>A merge patch of spec.options: a null value removes the option.</summary>
    private static Task<object> PatchOptionsAsync(Kubernetes client, Dictionary<string, string?> options) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(new { spec = new { options } }, V1Patch.PatchType.MergePatch), GlusterVolume.Group, GlusterVolume.Version, Ns, GlusterVolume.Plural, Name);

    private static Task<GlusterVolume> ReadyAsync(OperatorOnLocalPods stack, Func<GlusterVolume, bool>? and = null) =>
        Eventually.ValueAsync(() => GetAsync(stack.Client),
            v => v.Status is { Phase: Phase.Ready, BricksOnline: "3/3", Mount: not null } s && s.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true && (and?.Invoke(v) ?? true),
            "Ready with 3/3 bricks online", WaitLimit, () => stack.LogTail());

    /// <summary>The Pod's own gluster CLI, as <c>kubectl exec files-gluster-N -- gluster ...</c> would run it.</summary>
    private static Task<string> GlusterAsync(OperatorOnLocalPods stack, int ordinal, params string[] command) =>
        ExecAsync(stack, ordinal, ["gluster", "--mode=script", .. command]);

    private static async Task<string> ExecAsync(OperatorOnLocalPods stack, int ordinal, params string[] command)
    {
        var runtime = stack.Cluster.Runtime;
        var pid = runtime.GetContainerPid(new PodKey(Ns, $"{Name}-gluster-{ordinal}"), "glusterd")!.Value;
        var path = $"{runtime.Layout.ShimDirectory("gluster")}:{ContainerEnvironment.DefaultPath}";
        var (exitCode, text) = await Namespaces.ExecAsync(pid, ["env", $"PATH={path}", .. command]);
        Assert.True(exitCode == 0, $"{string.Join(' ', command)} exited with {exitCode}: {text}");
        return text;
    }

    private static int CountInLog(OperatorOnLocalPods stack, string text) =>
        File.Exists(stack.LogPath) ? File.ReadLines(stack.LogPath).Count(l => l.Contains(text, StringComparison.Ordinal)) : 0;
}
