using System.Globalization;
using BackendStack.PodRuntime.Tests;

// Galera failure figures on a 3-node PerconaCluster of real MariaDB Galera pods (see README, PerconaCluster):
//   dotnet run -c Release --project bench/Galera.Bench -- --runs 5
var runs = args.Length >= 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var nodeKills = new List<NodeKillSample>();
var crashes = new List<FullCrashSample>();

// A killed node stays down for 10 s, longer than Galera's evs.suspect_timeout (5 s): restarted sooner, it rejoins
// before the others evict its old self, and no eviction shows.
await using (var stack = await OperatorOnLocalPods.StartAsync(GaleraBench.Ns, restartDelay: TimeSpan.FromSeconds(10), restartBackoff: TimeSpan.FromSeconds(10)))
{
    var bench = new GaleraBench(stack);
    await bench.CreateReadyAsync();
    for (var run = 0; run < runs; run++)
    {
        nodeKills.Add(await bench.KillOneNodeAsync(1 + (run % 2)));
        Console.Error.WriteLine($"node kill {run + 1}: {nodeKills[^1]}");
    }
}

// Every node killed comes back after the kubelet's usual first restart delay.
await using (var stack = await OperatorOnLocalPods.StartAsync(GaleraBench.Ns, restartDelay: null))
{
    var bench = new GaleraBench(stack);
    await bench.CreateReadyAsync();
    for (var run = 0; run < runs; run++)
    {
        crashes.Add(await bench.KillEveryNodeAsync());
        Console.Error.WriteLine($"full crash {run + 1}: {crashes[^1]}");
    }
}

BenchReport.Print(Console.Out, runs, nodeKills, crashes);
