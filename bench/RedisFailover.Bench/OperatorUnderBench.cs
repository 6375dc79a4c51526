using BackendStack.Emulator;
using BackendStack.Operator.Hosting;
using BackendStack.Operator.Runtime.Hosting;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackendStack.Bench;

/// <summary>The emulated API with the project's CRDs, and the operator running in this process against it.</summary>
internal sealed class OperatorUnderBench : IAsyncDisposable
{
    private readonly EmulatorHost emulator;
    private readonly IHost host;

    private OperatorUnderBench(EmulatorHost emulator, IHost host, Kubernetes client)
    {
        this.emulator = emulator;
        this.host = host;
        Client = client;
    }

    public Kubernetes Client { get; }

    public static async Task<OperatorUnderBench> StartAsync(string ns)
    {
        var emulator = await EmulatorHost.StartAsync();
        var client = new Kubernetes(emulator.CreateClientConfiguration());
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "crds"), "*_*.yaml").Order(StringComparer.Ordinal))
        {
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file)));
        }

        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddBackendStackControllers(new ControllerRuntimeOptions
        {
            ClientConfiguration = emulator.CreateClientConfiguration(),
            MetricsBindAddress = "127.0.0.1:0",
            HealthProbeBindAddress = "127.0.0.1:0",
            LeaderElectionNamespace = "default",
        });
        var host = builder.Build();
        await host.StartAsync();
        return new OperatorUnderBench(emulator, host, client);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Client.Dispose();
        await emulator.DisposeAsync();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Operator.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}
