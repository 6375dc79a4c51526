using BackendStack.Emulator.Tests.Client;
using BackendStack.Emulator.Tests.Support;
using k8s;
using k8s.Models;

namespace BackendStack.Emulator.Tests.Semantics;

/// <summary>StatefulSet updates as Kubernetes does them: OnDelete leaves Pods alone, RollingUpdate honours the partition, revisions are recorded.</summary>
public sealed class StatefulSetUpdateTests
{
    private const string Ns = "default";

    [Fact]
    public async Task OnDeleteReplacesNoPodItselfAndDeletedPodsComeBackFromTheNewTemplate()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var client = scope.Client;
        var sts = Workloads.StatefulSet("db", 3);
        sts.Spec.UpdateStrategy = new V1StatefulSetUpdateStrategy { Type = "OnDelete" };
        await client.AppsV1.CreateNamespacedStatefulSetAsync(sts, Ns);
        await WatchClientTests.WaitUntilAsync(() => Status(client).ReadyReplicas == 3);
        var first = Status(client).UpdateRevision;
        var before = Uids(client);

        await SetImageAsync(client, "busybox:1.37");
        await WatchClientTests.WaitUntilAsync(() => Status(client) is { ObservedGeneration: 2 } s && s.UpdateRevision != first);
        // More reconciles (a Pod change wakes its StatefulSet), then the same Pods must still be there.
        await client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"annotations":{"touched":"yes"}}}""", V1Patch.PatchType.MergePatch), "db-0", Ns);
        await Task.Delay(300);
        Assert.Equal(before, Uids(client));
        var status = Status(client);
        Assert.Equal((first, 3, 0), (status.CurrentRevision, status.CurrentReplicas, status.UpdatedReplicas));
        Assert.All(Pods(client), p => Assert.Equal(first, p.GetLabel("controller-revision-hash")));

        await client.CoreV1.DeleteNamespacedPodAsync("db-1", Ns);
        await WatchClientTests.WaitUntilAsync(() => Status(client) is { UpdatedReplicas: 1, ReadyReplicas: 3 });
        var replaced = Pods(client).Single(p => p.Metadata.Name == "db-1");
        Assert.Equal(("busybox:1.37", Status(client).UpdateRevision), (replaced.Spec.Containers[0].Image, replaced.GetLabel("controller-revision-hash")));
        Assert.Equal((first, 2), (Status(client).CurrentRevision, Status(client).CurrentReplicas));

        foreach (var pod in new[] { "db-0", "db-2" })
        {
            await client.CoreV1.DeleteNamespacedPodAsync(pod, Ns);
        }

        await WatchClientTests.WaitUntilAsync(() => Status(client) is { UpdatedReplicas: 3, ReadyReplicas: 3 } s && s.CurrentRevision == s.UpdateRevision);
        Assert.Equal(3, Status(client).CurrentReplicas);
        Assert.All(Pods(client), p => Assert.Equal("busybox:1.37", p.Spec.Containers[0].Image));
    }

    [Fact]
    public async Task RollingUpdateReplacesPodsAtOrAbovePartitionAndRecreatesTheOthersFromTheCurrentRevision()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var client = scope.Client;
        var sts = Workloads.StatefulSet("db", 3);
        sts.Spec.UpdateStrategy = new V1StatefulSetUpdateStrategy { Type = "RollingUpdate", RollingUpdate = new V1RollingUpdateStatefulSetStrategy { Partition = 2 } };
        await client.AppsV1.CreateNamespacedStatefulSetAsync(sts, Ns);
        await WatchClientTests.WaitUntilAsync(() => Status(client).ReadyReplicas == 3);
        var first = Status(client).UpdateRevision;

        await SetImageAsync(client, "busybox:1.37");
        await WatchClientTests.WaitUntilAsync(() => Status(client) is { UpdatedReplicas: 1, ReadyReplicas: 3 });
        await Task.Delay(300);
        Assert.Equal(["busybox:1.36", "busybox:1.36", "busybox:1.37"], Pods(client).Select(p => p.Spec.Containers[0].Image));
        Assert.Equal((first, 2, 1), (Status(client).CurrentRevision, Status(client).CurrentReplicas, Status(client).UpdatedReplicas));

        // Below the partition a deleted Pod comes back as it was.
        await client.CoreV1.DeleteNamespacedPodAsync("db-0", Ns);
        await WatchClientTests.WaitUntilAsync(() => Pods(client).Any(p => p.Metadata.Name == "db-0") && Status(client).ReadyReplicas == 3);
        var db0 = Pods(client).Single(p => p.Metadata.Name == "db-0");
        Assert.Equal(("busybox:1.36", first), (db0.Spec.Containers[0].Image, db0.GetLabel("controller-revision-hash")));

        await client.AppsV1.PatchNamespacedStatefulSetAsync(new V1Patch("""{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}""", V1Patch.PatchType.MergePatch), "db", Ns);
        await WatchClientTests.WaitUntilAsync(() => Status(client) is { UpdatedReplicas: 3, ReadyReplicas: 3 } s && s.CurrentRevision == s.UpdateRevision);
        Assert.All(Pods(client), p => Assert.Equal("busybox:1.37", p.Spec.Containers[0].Image));
        var revisions = (await client.AppsV1.ListNamespacedControllerRevisionAsync(Ns)).Items.OrderBy(r => r.Revision).ToList();
        Assert.Equal([(first, 1L), (Status(client).UpdateRevision, 2L)], revisions.Select(r => (r.Metadata.Name, r.Revision)));
    }

    private static V1StatefulSetStatus Status(Kubernetes client) => client.AppsV1.ReadNamespacedStatefulSetStatus("db", Ns).Status ?? new V1StatefulSetStatus();

    private static List<V1Pod> Pods(Kubernetes client) => [.. client.CoreV1.ListNamespacedPod(Ns, labelSelector: "app=db").Items.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)];

    private static List<string> Uids(Kubernetes client) => [.. Pods(client).Select(p => p.Metadata.Uid)];

    private static Task<V1StatefulSet> SetImageAsync(Kubernetes client, string image) =>
        client.AppsV1.PatchNamespacedStatefulSetAsync(
            new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"IMAGE"}]}}}}""".Replace("IMAGE", image, StringComparison.Ordinal), V1Patch.PatchType.StrategicMergePatch), "db", Ns);
}
