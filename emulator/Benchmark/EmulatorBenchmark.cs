using System.Diagnostics;
using System.Globalization;
using k8s;
using k8s.Models;

namespace BackendStack.Emulator.Benchmark;

/// <summary>
/// What the emulator itself costs: requests per second for create, get, list and watch fan-out through
/// KubernetesClient, and the memory taken by the objects stored. Prints one line per figure.
/// </summary>
internal static class EmulatorBenchmark
{
    public static async Task RunAsync(int objects, int watchers, TextWriter output, CancellationToken ct)
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { BuiltInControllers = false }, ct);
        using var client = new Kubernetes(host.CreateClientConfiguration());
        var baseline = Memory();
        var names = Enumerable.Range(0, objects).Select(i => string.Create(CultureInfo.InvariantCulture, $"cm-{i:D6}")).ToList();

        var create = await TimeAsync(names, n => client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap(n), "default", cancellationToken: ct));
        Report(output, "create", objects, create);
        var get = await TimeAsync(names, n => client.CoreV1.ReadNamespacedConfigMapAsync(n, "default", cancellationToken: ct));
        Report(output, "get", objects, get);
        var lists = Math.Max(1, 20_000 / Math.Max(1, objects));
        var list = await TimeAsync(Enumerable.Range(0, lists).ToList(), _ => client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: ct));
        Report(output, $"list ({objects} items each)", lists, list);

        var updates = Math.Min(objects, 1000);
        var fanOut = await WatchFanOutAsync(client, names.Take(updates).ToList(), watchers, ct);
        Report(output, $"update with {watchers} watchers", updates, fanOut);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"watch events delivered: {(double)updates * watchers / fanOut.TotalSeconds:F0}/s ({watchers} watchers x {updates} updates in {fanOut.TotalMilliseconds:F0} ms)"));

        var used = Memory() - baseline;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"objects stored: {host.ObjectCount}; managed memory for them: {used / 1024.0 / 1024.0:F1} MiB ({(double)used / objects:F0} bytes per ConfigMap); process working set: {Environment.WorkingSet / 1024.0 / 1024.0:F0} MiB"));
    }

    private static async Task<TimeSpan> WatchFanOutAsync(Kubernetes client, List<string> names, int watchers, CancellationToken ct)
    {
        var rv = (await client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 1, cancellationToken: ct)).Metadata.ResourceVersion;
        var remaining = new CountdownEvent(names.Count * watchers);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = Enumerable.Range(0, watchers).Select(_ => Task.Run(async () =>
        {
            await foreach (var _ in client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: rv, timeoutSeconds: 600, cancellationToken: stop.Token))
                remaining.Signal();
        }, stop.Token)).ToList();
        await Task.Delay(500, ct);
        var time = Stopwatch.StartNew();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (n, c) =>
            await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k":"changed"}}""", V1Patch.PatchType.MergePatch), n, "default", cancellationToken: c));
        remaining.Wait(TimeSpan.FromMinutes(2), ct);
        time.Stop();
        await stop.CancelAsync();
        await Task.WhenAll(tasks).ContinueWith(_ => { }, TaskScheduler.Default);
        return time.Elapsed;
    }

    private static async Task<TimeSpan> TimeAsync<T>(IReadOnlyList<T> items, Func<T, Task> call)
    {
        var time = Stopwatch.StartNew();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) => await call(item));
        return time.Elapsed;
    }

    private static void Report(TextWriter output, string what, int count, TimeSpan elapsed) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {count / elapsed.TotalSeconds:F0} requests/s ({count} in {elapsed.TotalMilliseconds:F0} ms)"));

    private static long Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static V1ConfigMap ConfigMap(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = "bench" } },
        Data = new Dictionary<string, string> { ["k"] = "v", ["config"] = new string('x', 200) },
    };
}
