using System.Globalization;
using BackendStack.PodRuntime.Tests;

// ProxySQL failover figures: the operator's ProxySQL against ProxySQL's defaults, in front of the same 3-node
// PerconaCluster of real MariaDB Galera pods, a client writing through each every 10 ms (see README, ProxySQL):
//   dotnet build -c Release bench/ProxySql.Bench && dotnet bench/ProxySql.Bench/bin/Release/net10.0/ProxySqlBench.dll --runs 5
var runs = args.Length >= 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var samples = new List<FailoverSample>();

// A killed node stays down for 10 s, past Galera's suspect timeout, so every kill is an eviction.
await using (var stack = await OperatorOnLocalPods.StartAsync(PerconaClusterOnPods.Ns, restartDelay: TimeSpan.FromSeconds(10), restartBackoff: TimeSpan.FromSeconds(10)))
{
    var bench = new ProxyFailoverBench(stack, Console.Error);
    await bench.StartAsync();
    using var stop = new CancellationTokenSource();
    var writing = bench.Loops.Select(l => Task.Run(() => l.RunAsync(stop.Token))).ToList();
    string[] targets = [ProxyFailoverBench.Operator, ProxyFailoverBench.Baseline];
    for (var round = 0; round < 4 * runs && targets.Any(t => samples.Count(s => s.Via == t) < runs); round++)
    {
        var target = targets.OrderBy(t => samples.Count(s => s.Via == t)).First();
        samples.AddRange(await bench.KillWriterOfAsync(target));
    }

    await stop.CancelAsync();
    await Task.WhenAll(writing);
    Console.Error.WriteLine($"{await bench.VerifyNoAcknowledgedWriteLostAsync()} acknowledged writes checked: none lost");
    var kept = Path.Combine(Path.GetTempPath(), "proxysql-bench-operator.log");
    File.Copy(stack.LogPath, kept, overwrite: true);
    Console.Error.WriteLine($"the operator's log: {kept}");
}

FailoverReport.Print(Console.Out, ProxyFailoverBench.ProviderOptions, samples);
