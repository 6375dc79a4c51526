using BackendStack.Emulator.Semantics;
using Microsoft.Extensions.Logging;

namespace BackendStack.Emulator.Controllers;

/// <summary>The background controllers of an emulator: garbage collection always, workload controllers when enabled.</summary>
internal sealed class ControllerSet : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> running = [];

    public static ControllerSet Start(ResourceService service, EmulatorOptions options)
    {
        var set = new ControllerSet();
        // Called here, not through Task.Run: each controller subscribes to the change feed before its first await, so
        // a write made as soon as the emulator is up is seen (from a queued start, a busy machine missed it for good).
        set.running.Add(new GarbageCollector(service, options.Loggers.CreateLogger<GarbageCollector>()).RunAsync(set.stop.Token));
        if (options.BuiltInControllers) set.running.Add(new WorkloadControllers(service, options.Loggers.CreateLogger<WorkloadControllers>(), options.LocalPods, options.PodAddressBlock).RunAsync(set.stop.Token));
        return set;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(running);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected way for controllers to end.
        }
        stop.Dispose();
    }
}
