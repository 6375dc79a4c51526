using BackendStack.Emulator.Tests.Client;
using BackendStack.Emulator.Tests.Support;
using k8s;
using k8s.Models;

namespace BackendStack.Emulator.Tests.Semantics;

/// <summary>
/// podManagementPolicy as Kubernetes honours it: OrderedReady (the default) creates a Pod only once
/// every lower ordinal is Ready and removes the highest first, only while those below are Ready;
/// Parallel does both at once. Pods here stay unready through the emulator's ready annotation.
/// </summary>
public sealed class StatefulSetOrderingTests
{
    private const string Ns = "default";
    private const string ReadyAnnotation = "emulator.backendstack.io/ready";

    [Fact]
    public async Task OrderedReadyCreatesTheNextPodOnlyOnceTheOnesBeforeAreReady()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var client = scope.Client;
        await client.AppsV1.CreateNamespacedStatefulSetAsync(Unready("db", 3, policy: null), Ns);

        await WatchClientTests.WaitUntilAsync(() => Names(client).Count == 1);
        await Task.Delay(300);
        Assert.Equal(["db-0"], Names(client));

        await SetReadyAsync(client, "db-0", ready: true);
        await WatchClientTests.WaitUntilAsync(() => Names(client).Count == 2);
        await Task.Delay(300);
        Assert.Equal(["db-0", "db-1"], Names(client));

        await SetReadyAsync(client, "db-1", ready: true);
        await WatchClientTests.WaitUntilAsync(() => Names(client).Count == 3);
    }

    [Fact]
    public async Task OrderedReadyScalesDownOnlyWhileThePodsBelowAreReady()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var client = scope.Client;
        await client.AppsV1.CreateNamespacedStatefulSetAsync(Workloads.StatefulSet("db", 3), Ns);
        await WatchClientTests.WaitUntilAsync(() => client.AppsV1.ReadNamespacedStatefulSetStatus("db", Ns).Status?.ReadyReplicas == 3);

        await SetReadyAsync(client, "db-0", ready: false);
        await WatchClientTests.WaitUntilAsync(() => client.AppsV1.ReadNamespacedStatefulSetStatus("db", Ns).Status?.ReadyReplicas == 2);
        await client.AppsV1.PatchNamespacedStatefulSetScaleAsync(new V1Patch("""{"spec":{"replicas":1}}""", V1Patch.PatchType.MergePatch), "db", Ns);
        await Task.Delay(300);
        Assert.Equal(["db-0", "db-1", "db-2"], Names(client));

        await SetReadyAsync(client, "db-0", ready: true);
        await WatchClientTests.WaitUntilAsync(() => Names(client) is ["db-0"]);
    }

    [Fact]
    public async Task ParallelCreatesEveryPodAtOnceReadyOrNot()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var client = scope.Client;
        await client.AppsV1.CreateNamespacedStatefulSetAsync(Unready("db", 3, policy: "Parallel"), Ns);

        await WatchClientTests.WaitUntilAsync(() => Names(client).Count == 3);
        Assert.All(client.CoreV1.ListNamespacedPod(Ns).Items, p => Assert.NotEqual("True", p.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status));
    }

    private static V1StatefulSet Unready(string name, int replicas, string? policy)
    {
        var sts = Workloads.StatefulSet(name, replicas);
        sts.Spec.PodManagementPolicy = policy;
        sts.Spec.Template.Metadata.Annotations = new Dictionary<string, string> { [ReadyAnnotation] = "false" };
        return sts;
    }

    private static Task<V1Pod> SetReadyAsync(Kubernetes client, string pod, bool ready)
    {
        var patch = new V1Pod { Metadata = new V1ObjectMeta { Annotations = new Dictionary<string, string> { [ReadyAnnotation] = ready ? "true" : "false" } } };
        return client.CoreV1.PatchNamespacedPodAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), pod, Ns);
    }

    private static List<string> Names(Kubernetes client) =>
        [.. client.CoreV1.ListNamespacedPod(Ns, labelSelector: "app=db").Items.Select(p => p.Metadata.Name).Order(StringComparer.Ordinal)];
}
