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
    private readonly string kubeconfig;
    private OperatorProcess? process;

    private OperatorOnLocalPods(LocalPodsEmulator cluster, string kubeconfig, string logPath)
    {
        Cluster = cluster;
        this.kubeconfig = kubeconfig;
        LogPath = logPath;
        StartOperator();
    }

    public LocalPodsEmulator Cluster { get; }

    public Kubernetes Client => Cluster.Client;

    /// <summary>The operator's log, for failure messages.</summary>
    public string LogPath { get; }

    public static async Task<OperatorOnLocalPods> StartAsync(string namespaceName, TimeSpan? restartDelay, TimeSpan? restartBackoff = null)
    {
        var cluster = await LocalPodsEmulator.StartAsync(restartDelay: restartDelay, restartBackoff: restartBackoff);
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
            return new OperatorOnLocalPods(cluster, kubeconfig, logPath);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the operator process (again, after <see cref="StopOperatorAsync"/>); its log goes on in the same file.</summary>
    public void StartOperator() =>
        process ??= OperatorProcess.Start(kubeconfig, LogPath, Cluster.Runtime.RuntimeId);

    /// <summary>Stops the operator process; the cluster and its Pods keep running.</summary>
    public async Task StopOperatorAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
            process = null;
        }
    }

    /// <summary>The last lines of the operator's log.</summary>
    public string LogTail(int lines = 40) =>
        File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(lines)) : "(no operator log)";

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopOperatorAsync();
        }
        finally
        {
            await Cluster.DisposeAsync();
        }
    }
}
