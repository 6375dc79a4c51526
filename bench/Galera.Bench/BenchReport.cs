namespace BackendStack.PodRuntime.Tests;

/// <summary>The benchmark's figures: median, min and max of each phase.</summary>
internal static class BenchReport
{
    public static void Print(TextWriter output, int runs, IReadOnlyList<NodeKillSample> kills, IReadOnlyList<FullCrashSample> crashes)
    {
        output.WriteLine($"PerconaCluster, 3 nodes, {runs} runs each, {Environment.ProcessorCount} CPUs");
        output.WriteLine("| phase | median | min | max |");
        output.WriteLine("|---|---|---|---|");
        Row(output, "kill -9 of one node to its eviction (Galera)", kills.Select(k => k.ToEviction), "ms");
        Row(output, "eviction to status updated (operator)", kills.Select(k => k.EvictionToStatus), "ms");
        Row(output, "kill -9 of one node to Ready again", kills.Select(k => k.ToReadyAgain), "s");
        Row(output, "kill -9 of every node to bootstrap started", crashes.Select(c => c.ToBootstrap), "s");
        Row(output, "bootstrap to a Primary component", crashes.Select(c => c.BootstrapToPrimary), "s");
        Row(output, "Primary to Ready (joins)", crashes.Select(c => c.PrimaryToReady), "s");
        Row(output, "kill -9 of every node to Ready", crashes.Select(c => c.Total), "s");
    }

    private static void Row(TextWriter output, string phase, IEnumerable<TimeSpan> values, string unit)
    {
        var sorted = values.Order().ToList();
        string Format(TimeSpan t) => unit == "ms" ? $"{t.TotalMilliseconds:0} ms" : $"{t.TotalSeconds:0.0} s";
        output.WriteLine($"| {phase} | {Format(sorted[sorted.Count / 2])} | {Format(sorted[0])} | {Format(sorted[^1])} |");
    }
}
