using BackendStack.Sandbox;
using k8s;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// The operator, as its own process, against an emulator whose Pods run as local processes, with the
/// repository's CRDs installed and one namespace: every Pod the operator's StatefulSets make is real.
/// All of it stops on dispose.
/// </summary>
internal sealed class OperatorOnLocalPods : IAsyncDisposable
{
    private readonly OperatorProcess process;

    private OperatorOnLocalPods(LocalPodsEmulator cluster, OperatorProcess process, string logPath)
    {
        Cluster = cluster;
        this.process = process;
        LogPath = logPath;
    }

    public LocalPodsEmulator Cluster { get; }

    public Kubernetes Client => Cluster.Client;

    /// <summary>The operator's log, for failure messages.</summary>
    public string LogPath { get; }

    public static async Task<OperatorOnLocalPods> StartAsync(string namespaceName, TimeSpan restartDelay)
    {
        var cluster = await LocalPodsEmulator.StartAsync(restartDelay: restartDelay);
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "crds"), "*_*.yaml").Order(StringComparer.Ordinal))
            {
                var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file));
                await cluster.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
            }

            await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = namespaceName } });
            var kubeconfig = Path.Combine(cluster.Root, "kubeconfig");
            cluster.Emulator.WriteKubeconfig(kubeconfig);
            var logPath = Path.Combine(cluster.Root, "operator.log");
            return new OperatorOnLocalPods(cluster, OperatorProcess.Start(kubeconfig, logPath, cluster.Runtime.RuntimeId), logPath);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The last lines of the operator's log.</summary>
    public string LogTail(int lines = 40) =>
        File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(lines)) : "(no operator log)";

    public async ValueTask DisposeAsync()
    {
        try
        {
            await process.DisposeAsync();
        }
        finally
        {
            await Cluster.DisposeAsync();
        }
    }
}
