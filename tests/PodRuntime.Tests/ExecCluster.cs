using k8s;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// One emulator with local Pods and one running Pod to exec into, shared by the exec tests: its container has an
/// environment variable, an emptyDir mounted at a path the host does not have, and its own hostname.
/// </summary>
public sealed class ExecCluster : IAsyncLifetime
{
    public const string Ns = "exec";
    public const string PodName = "shell";
    public const string MountPath = "/exec-test-data";
    public const string RedisPod = "redis";

    private LocalPodsEmulator? cluster;

    internal LocalPodsEmulator Cluster => cluster!;

    public Kubernetes Client => Cluster.Client;

    public string Kubeconfig => Path.Combine(Cluster.Root, "kubeconfig");

    public async Task InitializeAsync()
    {
        cluster = await LocalPodsEmulator.StartAsync();
        Cluster.Emulator.WriteKubeconfig(Kubeconfig);
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Ns } });
        var pod = PodBuilder.Shell(PodName, $"echo marker > {MountPath}/file; exec sleep 100000", PodBuilder.EmptyDir("data"));
        pod.App().Env = [new V1EnvVar { Name = "GREETING", Value = "hello from the spec" }];
        pod.App().VolumeMounts = [PodBuilder.Mount("data", MountPath)];
        await Client.CoreV1.CreateNamespacedPodAsync(pod, Ns);
        await Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = RedisPod },
            Spec = new V1PodSpec { TerminationGracePeriodSeconds = 1, Containers = [new V1Container { Name = "redis", Image = "redis:7.2" }] },
        }, Ns);
        foreach (var name in (string[])[PodName, RedisPod])
        {
            await Eventually.ValueAsync(() => Client.CoreV1.ReadNamespacedPodAsync(name, Ns),
                p => p.Status?.ContainerStatuses?[0].State?.Running is not null, $"pod {name} running");
        }
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null) await cluster.DisposeAsync();
    }
}
