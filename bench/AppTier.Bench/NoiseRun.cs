using System.Diagnostics;
using BackendStack.Emulator;
using k8s;

namespace BackendStack.Bench;

/// <summary>
/// The "noise" benchmark: the operator started against an emulator holding only its CRDs and one namespace, then
/// against one that also holds <see cref="NoiseObjects"/>: time from process start to /readyz (every informer
/// synced) and resident memory once synced, side by side.
/// </summary>
internal static class NoiseRun
{
    /// <summary>Memory is read this long after /readyz, so what the list decoding left is collected.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<NoiseFigures> RunAsync(NoiseObjects noise, int repeats, CancellationToken cancellationToken)
    {
        var empty = new List<StartFigures>();
        var noisy = new List<StartFigures>();
        for (var i = 0; i < repeats; i++)
        {
            empty.Add(await StartOnceAsync(null, cancellationToken));
            noisy.Add(await StartOnceAsync(noise, cancellationToken));
        }

        return new NoiseFigures(noise, empty, noisy);
    }

    private static async Task<StartFigures> StartOnceAsync(NoiseObjects? noise, CancellationToken cancellationToken)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), cancellationToken);
        using var client = new Kubernetes(emulator.CreateClientConfiguration());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Cluster.PrepareAsync(client, "bench", cancellationToken);
        var filling = Stopwatch.StartNew();
        if (noise is not null)
        {
            await noise.CreateAsync(client, cancellationToken);
            Console.Error.WriteLine($"  noise created in {filling.Elapsed.TotalSeconds:F1} s: {noise}");
        }

        var kubeconfig = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, Cluster.Kubeconfig(emulator.BaseAddress), cancellationToken);
        try
        {
            emulator.Requests.Reset();
            using var op = OperatorProcess.Start(kubeconfig);
            var ready = await op.WaitForReadyAsync(http, TimeSpan.FromMinutes(2), cancellationToken);
            var readyAt = DateTimeOffset.UtcNow - (op.SinceStart.Elapsed - ready);
            await Task.Delay(Settle, cancellationToken);
            var lists = emulator.Requests.CollectionReads().Where(r => r.Verb == "list").ToList();
            var figures = new StartFigures(ready, readyAt - lists.Min(r => r.Received), op.RssMegabytes, op.PeakRssMegabytes, lists.Count);
            Console.Error.WriteLine($"  {(noise is null ? "empty" : "noisy")}: {figures}");
            return figures;
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}
