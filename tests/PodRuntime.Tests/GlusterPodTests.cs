using k8s;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

/// <summary>A StatefulSet of the gluster image: real glusterd Pods, each on its Pod IP, forming a trusted pool by hostname.</summary>
public sealed class GlusterPodTests
{
    private const string Ns = "files";

    [Fact]
    public async Task GlusterdPodsListenOnTheirPodIPsAndPeerByHostname()
    {
        await using var cluster = await LocalPodsEmulator.StartAsync();
        var client = cluster.Client;
        await CreateAsync(client);
        await Eventually.ValueAsync(() => client.AppsV1.ReadNamespacedStatefulSetAsync("gluster", Ns), s => s.Status?.ReadyReplicas == 2,
            "two ready glusterd Pods", TimeSpan.FromSeconds(60));
        var first = (await client.CoreV1.ReadNamespacedPodAsync("gluster-0", Ns)).Status.PodIP;
        var second = (await client.CoreV1.ReadNamespacedPodAsync("gluster-1", Ns)).Status.PodIP;
        Assert.Contains("Number of Peers: 0", await GlusterAsync(first, "peer", "status"), StringComparison.Ordinal);
        var listeners = await HostCommand.ListenersAsync(24007);
        Assert.Contains($"{first}:24007", listeners, StringComparison.Ordinal);
        Assert.Contains($"{second}:24007", listeners, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0.0.0:24007", listeners, StringComparison.Ordinal);

        // As `kubectl exec gluster-0 -- gluster peer probe gluster-1.gluster` would: the Pod's own CLI, its own /etc/hosts.
        var pid = cluster.Runtime.GetContainerPid(new PodKey(Ns, "gluster-0"), "glusterd")!.Value;
        var path = $"{cluster.Runtime.Layout.ShimDirectory("gluster")}:{ContainerEnvironment.DefaultPath}";
        // Retried like a person would: under load gluster-1's glusterd may still be starting behind its open port.
        await Eventually.ValueAsync(() => Namespaces.ExecAsync(pid, "env", $"PATH={path}", "gluster", "--mode=script", "peer", "probe", "gluster-1.gluster"),
            probe => probe.ExitCode == 0, "gluster peer probe gluster-1.gluster in gluster-0", TimeSpan.FromSeconds(30));

        await Eventually.ValueAsync(() => GlusterAsync(first, "peer", "status"), s => s.Contains("Peer in Cluster (Connected)", StringComparison.Ordinal),
            "gluster-0 to see gluster-1 in its pool", TimeSpan.FromSeconds(30));
        // gluster-1 learned gluster-0's address from the probe's connection and named it through the Pod's /etc/hosts.
        Assert.Contains("Hostname: gluster-1.gluster", await GlusterAsync(first, "peer", "status"), StringComparison.Ordinal);
        var fromSecond = await Eventually.ValueAsync(() => GlusterAsync(second, "pool", "list"), s => s.Split('\n').Any(l => l.Contains("gluster-0.gluster.files.svc.cluster.local", StringComparison.Ordinal) && l.TrimEnd().EndsWith("\tConnected", StringComparison.Ordinal)),
            "gluster-1 to list gluster-0 by its hostname", TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("Disconnected", fromSecond, StringComparison.Ordinal);
    }

    /// <summary>The host's gluster CLI against a Pod's glusterd over TCP, as a person on the node would ask it.</summary>
    private static Task<string> GlusterAsync(string podIP, params string[] command) =>
        HostCommand.RunAsync("/usr/sbin/gluster", [$"--remote-host={podIP}", "--mode=script", .. command]);

    private static async Task CreateAsync(Kubernetes client)
    {
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Ns } });
        var glusterd = new V1Container
        {
            Name = "glusterd",
            Image = "gluster/gluster-centos:latest",
            VolumeMounts = [PodBuilder.Mount("state", "/var/lib/glusterd")],
            ReadinessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 24007 }, PeriodSeconds = 1 },
        };
        await new StatefulSetBuilder("gluster", Replicas: 2, Port: 24007, glusterd, Claim: "state") { Parallel = true }.CreateAsync(client, Ns);
    }
}
