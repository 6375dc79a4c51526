using BackendStack.Emulator;
using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Hosting;
using k8s;
using k8s.Models;

namespace BackendStack.Tests.Controllers;

/// <summary>An emulated API server with the project's CRDs, a client to it, and a relay that can cut the operator off.</summary>
internal sealed class ClusterUnderTest : IAsyncDisposable
{
    public const string Namespace = "shop";

    /// <summary>
    /// Second octet of this test run's Pod addresses: runs in other worktrees on the same machine
    /// start real servers on Pod addresses too (the sandbox uses 90, other suites 100 and up).
    /// </summary>
    private static readonly int PodAddressBlock = Random.Shared.Next(20, 90);

    private ClusterUnderTest(EmulatorHost emulator, TcpRelay relay)
    {
        Emulator = emulator;
        Relay = relay;
        Client = new Kubernetes(emulator.CreateClientConfiguration());
    }

    public EmulatorHost Emulator { get; }

    public TcpRelay Relay { get; }

    /// <summary>The test's own client (straight to the emulator, never through the relay).</summary>
    public Kubernetes Client { get; }

    /// <summary>What the operator connects with: through the relay.</summary>
    public KubernetesClientConfiguration OperatorConfiguration => new() { Host = Relay.Address.ToString().TrimEnd('/'), Namespace = "default" };

    public static async Task<ClusterUnderTest> StartAsync(EmulatorOptions? options = null)
    {
        var emulator = await EmulatorHost.StartAsync((options ?? new EmulatorOptions()) with { PodAddressBlock = PodAddressBlock });
        var cluster = new ClusterUnderTest(emulator, new TcpRelay(emulator.BaseAddress));
        await CustomResourceDefinitions.InstallAsync(cluster.Client);
        await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
        return cluster;
    }

    public Task<OperatorInstance> StartOperatorAsync(Func<ControllerRuntimeOptions, ControllerRuntimeOptions>? configure = null, bool appTierOnly = false) =>
        OperatorInstance.StartAsync(OperatorConfiguration, configure, appTierOnly);

    public Task<AppTier> CreateAsync(AppTier tier) =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync<AppTier>(tier, AppTier.Group, AppTier.Version, Namespace, AppTier.Plural);

    public Task<AppTier> GetTierAsync(string name) =>
        Client.CustomObjects.GetNamespacedCustomObjectAsync<AppTier>(AppTier.Group, AppTier.Version, Namespace, AppTier.Plural, name);

    public Task<AppTier> PatchTierAsync(string name, object mergePatch) =>
        Client.CustomObjects.PatchNamespacedCustomObjectAsync<AppTier>(
            new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), AppTier.Group, AppTier.Version, Namespace, AppTier.Plural, name);

    public async Task<V1Deployment?> DeploymentAsync(string name) =>
        (await Client.AppsV1.ListNamespacedDeploymentAsync(Namespace, fieldSelector: $"metadata.name={name}")).Items.SingleOrDefault();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Relay.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
