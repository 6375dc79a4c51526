using BackendStack.Emulator.Tests.Client;
using BackendStack.Emulator.Tests.Support;
using k8s;
using k8s.Models;

namespace BackendStack.Emulator.Tests.Semantics;

/// <summary>Endpoints are recomputed for the Services a changed Pod was or is selected by, and only those.</summary>
public sealed class EndpointsTests
{
    [Fact]
    public async Task APodRelabelledFromOneServiceToAnotherLeavesTheFirstsEndpointsAndJoinsTheOthers()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var client = scope.Client;
        await client.CoreV1.CreateNamespacedServiceAsync(Service("web"), "default");
        await client.CoreV1.CreateNamespacedServiceAsync(Service("canary"), "default");
        await client.AppsV1.CreateNamespacedDeploymentAsync(Workloads.Deployment("web", 2), "default");
        await WatchClientTests.WaitUntilAsync(() => Addresses(client, "web").Count == 2);

        var pod = (await client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "app=web")).Items[0];
        await client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"app":"canary"}}}""", V1Patch.PatchType.MergePatch),
            pod.Metadata.Name, "default");

        await WatchClientTests.WaitUntilAsync(() => Addresses(client, "web").Count == 1 && Addresses(client, "canary").Count == 1);
        Assert.Equal([pod.Status.PodIP], Addresses(client, "canary"));
        Assert.DoesNotContain(pod.Status.PodIP, Addresses(client, "web"));
    }

    private static V1Service Service(string app) => new()
    {
        Metadata = new V1ObjectMeta { Name = app },
        Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = app }, Ports = [new V1ServicePort { Port = 80, TargetPort = 8080 }] },
    };

    private static List<string> Addresses(Kubernetes client, string service) =>
        [.. client.CoreV1.ListNamespacedEndpoints("default", fieldSelector: $"metadata.name={service}").Items
            .SelectMany(e => e.Subsets ?? []).SelectMany(s => s.Addresses ?? []).Select(a => a.Ip)];
}
