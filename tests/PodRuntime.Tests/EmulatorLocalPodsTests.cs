using BackendStack.Emulator;
using BackendStack.PodRuntime;
using k8s;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

/// <summary>The emulator's built-in controllers with local Pods: a StatefulSet of real Redis servers.</summary>
public sealed class EmulatorLocalPodsTests
{
    private const string Ns = "cache";

    private const string Start = """
        if [ "$(hostname)" = redis-0 ]; then exec redis-server /etc/redis/redis.conf
        else exec redis-server /etc/redis/redis.conf --replicaof redis-0.redis 6379; fi
        """;

    /// <summary>The Endpoints of a Service, or null until the endpoints controller has created them.</summary>
    private static async Task<V1Endpoints?> EndpointsAsync(Kubernetes client, string ns, string name) =>
        (await client.CoreV1.ListNamespacedEndpointsAsync(ns)).Items.FirstOrDefault(e => e.Metadata.Name == name);

    private static async Task CreateRedisStatefulSetAsync(Kubernetes client)
    {
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Ns } });
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "redis-config" },
            Data = new Dictionary<string, string> { ["redis.conf"] = "port 6379\ndir /data\nappendonly yes\nsave \"\"\n" },
        }, Ns);
        var redis = new V1Container
        {
            Name = "redis",
            Image = "redis:7.2",
            Command = ["sh", "-c", Start],
            VolumeMounts = [PodBuilder.Mount("config", "/etc/redis"), PodBuilder.Mount("data", "/data")],
            // redis-cli exits 0 on an error reply: a Redis still loading its AOF answers -LOADING, which is not ready.
            ReadinessProbe = PodBuilder.Exec("sh", "-c", "redis-cli ping | grep -q PONG"),
        };
        await new StatefulSetBuilder("redis", Replicas: 2, Port: 6379, redis, Claim: "data")
        {
            TerminationGracePeriodSeconds = 2,
            Volumes = [new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = "redis-config" } }],
        }.CreateAsync(client, Ns);
    }

    [Fact]
    public async Task StatefulSetOfRedisReplicatesByHostnameAndKeepsItsDataAcrossACrash()
    {
        await using var cluster = await LocalPodsEmulator.StartAsync();
        var client = cluster.Client;
        await CreateRedisStatefulSetAsync(client);

        await Eventually.ValueAsync(() => client.AppsV1.ReadNamespacedStatefulSetAsync("redis", Ns), s => s.Status?.ReadyReplicas == 2, "two ready replicas");
        var master = (await client.CoreV1.ReadNamespacedPodAsync("redis-0", Ns)).Status.PodIP;
        var replica = (await client.CoreV1.ReadNamespacedPodAsync("redis-1", Ns)).Status.PodIP;
        Assert.StartsWith("+OK", await RespClient.CommandAsync(master, 6379, "SET greeting hello"));
        await Eventually.ValueAsync(() => RespClient.CommandAsync(replica, 6379, "GET greeting"), r => r.Contains("hello", StringComparison.Ordinal), "replicated value");

        Assert.True(cluster.Emulator.Faults.KillPodProcess(Ns, "redis-0"));

        var restarted = await Eventually.ValueAsync(() => client.CoreV1.ReadNamespacedPodAsync("redis-0", Ns),
            p => p.Status.ContainerStatuses?[0] is { RestartCount: 1, Ready: true }, "redis-0 restarted and ready");
        Assert.Equal(137, restarted.Status.ContainerStatuses[0].LastState.Terminated.ExitCode);
        Assert.Contains("hello", await RespClient.CommandAsync(master, 6379, "GET greeting"), StringComparison.Ordinal);
        await Eventually.ValueAsync(() => client.AppsV1.ReadNamespacedStatefulSetAsync("redis", Ns), s => s.Status?.ReadyReplicas == 2, "ready again");
    }

    [Fact]
    public async Task FailingReadinessProbeTakesThePodOutOfItsServicesEndpoints()
    {
        await using var cluster = await LocalPodsEmulator.StartAsync();
        var client = cluster.Client;
        const string Web = "web";
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Web } });
        var labels = new Dictionary<string, string> { ["app"] = "web" };
        await client.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1ServiceSpec { Selector = labels, Ports = [new V1ServicePort { Port = 80, TargetPort = 8080 }] },
        }, Web);
        var pod = PodBuilder.Shell("web-0", "touch /state/ready; exec sleep 1000", PodBuilder.EmptyDir("state"));
        pod.Metadata.Labels = labels;
        pod.App().VolumeMounts = [PodBuilder.Mount("state", "/state")];
        pod.App().ReadinessProbe = PodBuilder.Exec("test", "-f", "/state/ready");
        await client.CoreV1.CreateNamespacedPodAsync(pod, Web);

        var ready = await Eventually.ValueAsync(() => EndpointsAsync(client, Web, "web"),
            e => e?.Subsets?.FirstOrDefault()?.Addresses?.Count == 1, "the ready Pod in the Endpoints");
        var ip = ready!.Subsets[0].Addresses[0].Ip;
        var pid = cluster.Runtime.GetContainerPid(new PodKey(Web, "web-0"), "app")!.Value;
        Assert.Equal(0, (await Namespaces.ExecAsync(pid, "rm", "/state/ready")).ExitCode);

        var unready = await Eventually.ValueAsync(() => EndpointsAsync(client, Web, "web"),
            e => e?.Subsets?.FirstOrDefault() is { Addresses: null or { Count: 0 } }, "the unready Pod out of the Endpoints' addresses");
        Assert.Equal(ip, unready!.Subsets[0].NotReadyAddresses.Single().Ip);
    }
}
