namespace BackendStack.PodRuntime.Tests;

/// <summary>The benchmark's figures per proxy: median, min and max time to the first write, and failed writes per kill.</summary>
internal static class FailoverReport
{
    public static void Print(TextWriter output, string providerOptions, IReadOnlyList<FailoverSample> samples)
    {
        output.WriteLine($"ProxySQL in front of a 3-node PerconaCluster ({providerOptions}), kill -9 of the writer node, a write every 10 ms, {Environment.ProcessorCount} CPUs");
        output.WriteLine("| proxy | kills | first write after the kill: median | min | max | failed writes per kill (median) |");
        output.WriteLine("|---|---|---|---|---|---|");
        var medians = new Dictionary<string, double>();
        foreach (var group in samples.GroupBy(s => s.Via))
        {
            var times = group.Select(s => s.ToFirstWrite.TotalMilliseconds).Order().ToList();
            var failed = group.Select(s => s.FailedWrites).Order().ToList();
            medians[group.Key] = times[times.Count / 2];
            output.WriteLine($"| {Label(group.Key)} | {times.Count} | {times[times.Count / 2]:0} ms | {times[0]:0} ms | {times[^1]:0} ms | {failed[failed.Count / 2]} |");
        }

        if (medians.TryGetValue(ProxyFailoverBench.Operator, out var ours) && medians.TryGetValue(ProxyFailoverBench.Baseline, out var defaults))
        {
            output.WriteLine($"median speed-up over ProxySQL's defaults: {defaults / ours:0.0}x");
        }
    }

    private static string Label(string via) => via == ProxyFailoverBench.Operator
        ? "operator's ProxySQL (Galera check 500 ms, writer moved on the pod's readiness)"
        : "ProxySQL defaults (Galera check 5000 ms, 3 missed checks)";
}
