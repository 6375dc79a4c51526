using BackendStack.Emulator.Tests.Client;
using BackendStack.Emulator.Tests.Support;
using k8s;
using k8s.Models;

namespace BackendStack.Emulator.Tests.Semantics;

/// <summary>The built-in controllers: workloads get Pods that become Ready on loopback IPs, PVCs, Endpoints, Jobs complete.</summary>
public sealed class ControllerTests
{
    [Fact]
    public async Task StatefulSetPodsBecomeReadyOnDistinctLoopbackIpsAndClaimsSurviveScaleDown()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var client = scope.Client;
        await client.AppsV1.CreateNamespacedStatefulSetAsync(Workloads.StatefulSet("db", 3), "default");
        await WatchClientTests.WaitUntilAsync(() => client.AppsV1.ReadNamespacedStatefulSetStatus("db", "default").Status?.ReadyReplicas == 3);
        var pods = (await client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "app=db")).Items;
        Assert.Equal(["db-0", "db-1", "db-2"], pods.Select(p => p.Metadata.Name));
        Assert.All(pods, p => Assert.Matches(@"^127\.0\.\d+\.\d+$", p.Status.PodIP));
        Assert.Equal(3, pods.Select(p => p.Status.PodIP).Distinct().Count());
        Assert.All(pods, p => Assert.Contains(p.Spec.Volumes, v => v.PersistentVolumeClaim?.ClaimName == $"data-{p.Metadata.Name}"));

        await client.AppsV1.PatchNamespacedStatefulSetScaleAsync(new V1Patch("""{"spec":{"replicas":1}}""", V1Patch.PatchType.MergePatch), "db", "default");
        await WatchClientTests.WaitUntilAsync(() => client.CoreV1.ListNamespacedPod("default", labelSelector: "app=db").Items.Count == 1);
        var claims = (await client.CoreV1.ListNamespacedPersistentVolumeClaimAsync("default")).Items;
        Assert.Equal(["data-db-0", "data-db-1", "data-db-2"], claims.Select(c => c.Metadata.Name));
        Assert.All(claims, c => Assert.Equal("Bound", c.Status.Phase));
    }

    [Fact]
    public async Task DeploymentReportsAvailableReplicasAndServiceEndpointsFollowReadyPods()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var client = scope.Client;
        await client.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" }, Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = "http" }] },
        }, "default");
        await client.AppsV1.CreateNamespacedDeploymentAsync(Workloads.Deployment("web", 2), "default");
        await WatchClientTests.WaitUntilAsync(() => client.AppsV1.ReadNamespacedDeploymentStatus("web", "default").Status?.AvailableReplicas == 2);
        await WatchClientTests.WaitUntilAsync(() => client.CoreV1.ReadNamespacedEndpoints("web", "default").Subsets?.FirstOrDefault()?.Addresses?.Count == 2);
        var endpoints = await client.CoreV1.ReadNamespacedEndpointsAsync("web", "default");
        Assert.Equal(8080, endpoints.Subsets[0].Ports[0].Port);
        var slice = (await client.DiscoveryV1.ListNamespacedEndpointSliceAsync("default", labelSelector: "kubernetes.io/service-name=web")).Items.Single();
        Assert.Equal(endpoints.Subsets[0].Addresses.Select(a => a.Ip).Order(), slice.Endpoints.Select(e => e.Addresses[0]).Order());
        Assert.Matches(@"Endpoints:\s+127\.0\.\d+\.\d+:8080,127\.0\.\d+\.\d+:8080", (await scope.Kubectl.RunAsync("describe", "service", "web")).ShouldSucceed().Stdout);

        var pod = (await client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "app=web")).Items[0];
        await client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"annotations":{"emulator.backendstack.io/ready":"false"}}}""", V1Patch.PatchType.MergePatch),
            pod.Metadata.Name, "default");
        await WatchClientTests.WaitUntilAsync(() => client.CoreV1.ReadNamespacedEndpoints("web", "default").Subsets[0].Addresses?.Count == 1);
        Assert.Equal(pod.Status.PodIP, client.CoreV1.ReadNamespacedEndpoints("web", "default").Subsets[0].NotReadyAddresses.Single().Ip);
    }

    [Fact]
    public async Task JobPodsCompleteAndTheJobSucceeds()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var client = scope.Client;
        var template = Workloads.Template("job");
        template.Spec.RestartPolicy = "Never";
        await client.BatchV1.CreateNamespacedJobAsync(new V1Job { Metadata = new V1ObjectMeta { Name = "once" }, Spec = new V1JobSpec { Template = template } }, "default");
        await WatchClientTests.WaitUntilAsync(() => client.BatchV1.ReadNamespacedJobStatus("once", "default").Status?.Succeeded == 1);
        var job = await client.BatchV1.ReadNamespacedJobAsync("once", "default");
        Assert.Contains(job.Status.Conditions, c => c.Type == "Complete" && c.Status == "True");
    }

    [Fact]
    public async Task WithoutBuiltInControllersNoPodsAreCreated()
    {
        await using var scope = await EmulatorScope.StartAsync(new EmulatorOptions { BuiltInControllers = false });
        await scope.Client.AppsV1.CreateNamespacedStatefulSetAsync(Workloads.StatefulSet("db", 2), "default");
        await Task.Delay(300);
        Assert.Empty((await scope.Client.CoreV1.ListNamespacedPodAsync("default")).Items);
    }
}
