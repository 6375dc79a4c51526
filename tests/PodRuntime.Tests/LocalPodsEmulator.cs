using BackendStack.Emulator;
using BackendStack.PodRuntime;
using k8s;

namespace BackendStack.PodRuntime.Tests;

/// <summary>An emulator whose Pods run as local processes, its client and its runtime directory, all gone on dispose.</summary>
internal sealed class LocalPodsEmulator : IAsyncDisposable
{
    private LocalPodsEmulator(EmulatorHost emulator, string root)
    {
        Emulator = emulator;
        Root = root;
        Client = new Kubernetes(emulator.CreateClientConfiguration());
    }

    public EmulatorHost Emulator { get; }

    public Kubernetes Client { get; }

    public string Root { get; }

    public LocalPodRuntime Runtime => Emulator.LocalPods!.Runtime;

    /// <param name="builtInControllers">Whether the emulator's workload controllers run.</param>
    /// <param name="restartDelay">How long a crashed container stays down before the kubelet restarts it.</param>
    public static async Task<LocalPodsEmulator> StartAsync(bool builtInControllers = true, TimeSpan? restartDelay = null)
    {
        var root = Directory.CreateTempSubdirectory("podruntime-emulator-").FullName;
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            BuiltInControllers = builtInControllers,
            LocalPods = new LocalPodRuntimeOptions
            {
                RootDirectory = root,
                AddressBlock = Random.Shared.Next(150, 250),
                SyncInterval = TimeSpan.FromMilliseconds(200),
                RestartBackoffInitial = TimeSpan.FromMilliseconds(200),
                RestartDelay = restartDelay ?? TimeSpan.FromMilliseconds(200),
            },
        });
        return new LocalPodsEmulator(emulator, root);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Client.Dispose();
            await Emulator.DisposeAsync();
        }
        finally
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
