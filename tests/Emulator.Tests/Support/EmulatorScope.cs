using k8s;
using k8s.Models;

namespace BackendStack.Emulator.Tests.Support;

/// <summary>One emulator for one test: a host on a free port, a kubeconfig in a private directory, clients.</summary>
public sealed class EmulatorScope : IAsyncDisposable
{
    private EmulatorScope(EmulatorHost host, string directory)
    {
        Host = host;
        Directory = directory;
        KubeconfigPath = Path.Combine(directory, "kubeconfig");
        host.WriteKubeconfig(KubeconfigPath);
        Kubectl = new Kubectl(KubeconfigPath, directory);
        Client = new Kubernetes(host.CreateClientConfiguration());
    }

    public EmulatorHost Host { get; }
    public string Directory { get; }
    public string KubeconfigPath { get; }
    public Kubectl Kubectl { get; }
    public Kubernetes Client { get; }

    public static async Task<EmulatorScope> StartAsync(EmulatorOptions? options = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "emulator-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new EmulatorScope(await EmulatorHost.StartAsync(options), directory);
    }

    public static string Manifest(string name) => Path.Combine(AppContext.BaseDirectory, "Manifests", name);

    /// <summary>Creates the test CRD (widgets.test.example.io) through the C# client.</summary>
    public async Task CreateWidgetCrdAsync()
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(Manifest("widgets-crd.yaml")));
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A kubectl cache file still open; the temp directory is cleaned by the OS.
        }
    }
}
