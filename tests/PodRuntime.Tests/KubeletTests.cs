using BackendStack.Emulator;
using BackendStack.PodRuntime;
using BackendStack.PodRuntime.Processes;
using k8s;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

/// <summary>The runtime as a node agent of the emulated API server: Pods from the API run, status goes back.</summary>
public sealed class KubeletTests
{
    private static async Task<V1Pod> WaitForPodAsync(Kubernetes client, string ns, string name, Func<V1Pod, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        V1Pod pod;
        do
        {
            pod = await client.CoreV1.ReadNamespacedPodAsync(name, ns);
            if (condition(pod))
            {
                return pod;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"pod {ns}/{name} never matched; status: {KubernetesJson.Serialize(pod.Status)}");
        return pod;
    }

    private static bool Ready(V1Pod pod) => pod.Status?.Conditions?.Any(c => c is { Type: "Ready", Status: "True" }) == true;

    [Fact]
    public async Task PodFromTheApiRunsReportsStatusRestartsAfterACrashAndStopsWhenDeleted()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { BuiltInControllers = false });
        using var client = new Kubernetes(emulator.CreateClientConfiguration());
        const string Ns = "kubelet";
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Ns } });
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "cache-config" },
            Data = new Dictionary<string, string> { ["redis.conf"] = "port 6379\nsave \"\"\nappendonly no\n" },
        }, Ns);
        await client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "cache-0" },
            Spec = new V1PodSpec
            {
                TerminationGracePeriodSeconds = 3,
                Volumes = [new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = "cache-config" } }],
                Containers =
                [
                    new V1Container
                    {
                        Name = "redis",
                        Image = "docker.io/library/redis:7.2",
                        Args = ["/etc/redis/redis.conf"],
                        VolumeMounts = [PodBuilder.Mount("config", "/etc/redis")],
                        ReadinessProbe = PodBuilder.Exec("redis-cli", "ping"),
                    },
                ],
            },
        }, Ns);
        var ip = RuntimeHarness.NextPodIP();
        // What the emulator's built-in controllers do when they create a Pod: give it an address.
        await client.CoreV1.PatchNamespacedPodStatusAsync(
            new V1Patch($$$"""{"status":{"podIP":"{{{ip}}}"}}""", V1Patch.PatchType.MergePatch), "cache-0", Ns);
        var root = Directory.CreateTempSubdirectory("podruntime-kubelet-").FullName;
        try
        {
            await using var kubelet = new Kubelet(client, new LocalPodRuntimeOptions
            {
                RootDirectory = root,
                SyncInterval = TimeSpan.FromMilliseconds(200),
                RestartBackoffInitial = TimeSpan.FromMilliseconds(200),
            });
            await kubelet.StartAsync();

            var running = await WaitForPodAsync(client, Ns, "cache-0", Ready);
            Assert.Equal("Running", running.Status.Phase);
            Assert.Equal(ip, running.Status.PodIP);
            Assert.StartsWith("+PONG", await RespClient.CommandAsync(ip, 6379, "PING"));

            var key = new PodKey(Ns, "cache-0");
            Assert.True(kubelet.Runtime.KillContainer(key));
            var restarted = await WaitForPodAsync(client, Ns, "cache-0", p => Ready(p) && p.Status.ContainerStatuses[0].RestartCount == 1);
            Assert.Equal(137, restarted.Status.ContainerStatuses[0].LastState.Terminated.ExitCode);

            var pid = kubelet.Runtime.GetContainerPid(key, "redis")!.Value;
            await client.CoreV1.DeleteNamespacedPodAsync("cache-0", Ns);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (Signals.IsAlive(pid) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.False(Signals.IsAlive(pid));
            Assert.Empty(kubelet.Runtime.RunningPods);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task EmulatorWithLocalPodsServesKubectlLogsFromTheContainersLogFile()
    {
        await using var cluster = await LocalPodsEmulator.StartAsync();
        const string Ns = "logs";
        await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Ns } });
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(PodBuilder.Shell("talker", "echo hello from the pod; echo second line; exec sleep 1000"), Ns);
        await WaitForPodAsync(cluster.Client, Ns, "talker", Ready);
        var kubeconfig = Path.Combine(cluster.Root, "kubeconfig");
        cluster.Emulator.WriteKubeconfig(kubeconfig);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var (code, output) = (0, "");
        while (DateTime.UtcNow < deadline && !output.Contains("second line", StringComparison.Ordinal))
        {
            (code, output) = await Kubectl.RunAsync(kubeconfig, "logs", "-n", Ns, "talker");
        }

        Assert.Equal(0, code);
        Assert.Equal("hello from the pod\nsecond line\n", output);
        Assert.Equal((0, "second line\n"), await Kubectl.RunAsync(kubeconfig, "logs", "-n", Ns, "talker", "--tail=1"));
    }
}
