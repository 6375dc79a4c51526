using System.Diagnostics;
using System.Globalization;
using BackendStack.Emulator;
using BackendStack.Operator.Api;
using k8s;
using k8s.Models;

namespace BackendStack.Bench;

/// <summary>
/// One run: N AppTiers created at once against a fresh emulator (with its Deployment controller, so pods become
/// Ready), timed until every tier has a Ready status written, then an idle period in which no write may happen.
/// A warm-up batch first runs the same code paths, so the run measures the work rather than compiling it.
/// </summary>
internal static class AppTierRun
{
    private const string Namespace = "bench";

    public static async Task<RunFigures> RunAsync(int count, AppTierRole role, TimeSpan idle, int warmUp, CancellationToken cancellationToken, int redisFailovers = 0)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), cancellationToken);
        using var client = new Kubernetes(emulator.CreateClientConfiguration());
        using var http = new HttpClient();
        await Cluster.PrepareAsync(client, Namespace, cancellationToken);
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, Cluster.Kubeconfig(emulator.BaseAddress), cancellationToken);
        try
        {
            using var op = OperatorProcess.Start(kubeconfig);
            await WaitForMetricsAsync(http, op, cancellationToken);
            await RedisFailoverBatch.CreateAsync(client, redisFailovers, cancellationToken);
            await TierBatch.WarmUpAsync(client, warmUp, role, cancellationToken);
            var baseline = await OperatorMetrics.ScrapeAsync(http, op.Metrics, cancellationToken);
            emulator.Requests.Reset();

            var clock = Stopwatch.StartNew();
            await TierBatch.CreateAsync(client, Namespace, count, role, cancellationToken);
            var created = clock.Elapsed;
            var (statusWritten, ready, readyCount) = await WaitForReadyAsync(client, count, op, clock, cancellationToken);
            var elapsed = clock.Elapsed;
            var busy = await OperatorMetrics.ScrapeAsync(http, op.Metrics, cancellationToken) - baseline;
            var writes = new ChildWrites(
                emulator.Requests.Count("create", "deployments") + emulator.Requests.Count("create", "services") +
                emulator.Requests.Count("create", "poddisruptionbudgets"),
                emulator.Requests.Count("update", "apptiers/status"),
                emulator.Requests.Count("patch") + emulator.Requests.Count("delete"),
                emulator.Requests.Count("create", "events") + emulator.Requests.Count("patch", "events"));

            emulator.Requests.Reset();
            var beforeIdle = await OperatorMetrics.ScrapeAsync(http, op.Metrics, cancellationToken);
            for (var waited = TimeSpan.Zero; waited < idle; waited += TimeSpan.FromSeconds(1))
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                op.SamplePeak();
            }

            var idleFigures = await OperatorMetrics.ScrapeAsync(http, op.Metrics, cancellationToken) - beforeIdle;
            return new RunFigures(count, role.ToString().ToLowerInvariant(), warmUp, created, statusWritten, ready, readyCount, elapsed, busy, writes, idle, idleFigures.Writes, emulator.Requests.Writes(), op.PeakRssMegabytes)
            {
                RedisFailovers = redisFailovers,
                RssMegabytes = op.RssMegabytes,
            };
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    private static async Task<OperatorMetrics> WaitForMetricsAsync(HttpClient http, OperatorProcess op, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                var metrics = await OperatorMetrics.ScrapeAsync(http, op.Metrics, cancellationToken);

                // The informers list before workers start; give them a moment so the run measures reconciling, not startup.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                return metrics;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static async Task<(TimeSpan StatusWritten, TimeSpan? Ready, int ReadyCount)> WaitForReadyAsync(
        Kubernetes client, int count, OperatorProcess op, Stopwatch clock, CancellationToken cancellationToken)
    {
        TimeSpan? statusWritten = null;
        var deadline = TimeSpan.FromMinutes(10);
        var readyCount = 0;
        while (clock.Elapsed < deadline)
        {
            var tiers = await Cluster.ListTiersAsync(client, Namespace, cancellationToken);
            readyCount = tiers.Count(t => t.Status?.Phase == Phase.Ready);
            op.SamplePeak();
            var withStatus = tiers.Count(t => t.Status?.ObservedGeneration == t.Metadata.Generation);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:F1} s: {tiers.Count} tiers, {withStatus} with status, {readyCount} Ready"));
            if (statusWritten is null && tiers.Count == count && tiers.All(t => t.Status?.ObservedGeneration == t.Metadata.Generation))
            {
                statusWritten = clock.Elapsed;
            }

            if (tiers.Count == count && readyCount == count)
            {
                return (statusWritten ?? clock.Elapsed, clock.Elapsed, readyCount);
            }

            // Listing every tier costs the emulator too; once a second keeps the measurement from slowing what it measures.
            await Task.Delay(1000, cancellationToken);
        }

        // The emulator's pod controllers, not the operator, bound this wait; report how far they got.
        return (statusWritten ?? clock.Elapsed, null, readyCount);
    }
}
