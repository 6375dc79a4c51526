using BackendStack.Emulator;
using BackendStack.PodRuntime;
using k8s;

namespace BackendStack.PodRuntime.Tests;

/// <summary>An emulator whose Pods run as local processes, its client and its runtime directory, all gone on dispose.</summary>
internal sealed class LocalPodsEmulator : IAsyncDisposable
{
    private readonly AddressBlockLease addresses;

    private LocalPodsEmulator(EmulatorHost emulator, string root, AddressBlockLease addresses)
    {
        Emulator = emulator;
        Root = root;
        this.addresses = addresses;
        Client = new Kubernetes(emulator.CreateClientConfiguration());
    }

    public EmulatorHost Emulator { get; }

    public Kubernetes Client { get; }

    public string Root { get; }

    public LocalPodRuntime Runtime => Emulator.LocalPods!.Runtime;

    /// <param name="builtInControllers">Whether the emulator's workload controllers run.</param>
    /// <param name="restartDelay">How long a crashed container stays down before the kubelet restarts it.</param>
    /// <param name="restartBackoff">How long it stays down at its later restarts (the kubelet's back-off; 200 ms when null).</param>
    public static async Task<LocalPodsEmulator> StartAsync(bool builtInControllers = true, TimeSpan? restartDelay = null, TimeSpan? restartBackoff = null)
    {
        var root = Directory.CreateTempSubdirectory("podruntime-emulator-").FullName;
        // A block no other emulator of these tests (running in parallel) holds: Pods of two stacks never share an address.
        var addresses = AddressBlockLease.Acquire(150, 249);
        EmulatorHost emulator;
        try
        {
            emulator = await EmulatorHost.StartAsync(new EmulatorOptions
            {
                BuiltInControllers = builtInControllers,
                LocalPods = new LocalPodRuntimeOptions
                {
                    RootDirectory = root,
                    AddressBlock = addresses.Block,
                    SyncInterval = TimeSpan.FromMilliseconds(200),
                    RestartBackoffInitial = restartBackoff ?? TimeSpan.FromMilliseconds(200),
                    RestartDelay = restartDelay ?? TimeSpan.FromMilliseconds(200),
                },
            });
        }
        catch
        {
            addresses.Dispose();
            throw;
        }

        return new LocalPodsEmulator(emulator, root, addresses);
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
            addresses.Dispose();
            Directory.Delete(Root, recursive: true);
        }
    }
}
