// Kills the Redis master of a RedisFailover N times (default 10) with downAfterMilliseconds 1000 and
// prints, per kill and as median/max: kill -> Sentinel's +switch-master, +switch-master -> master
// pod relabelled (the operator's share), kill -> first successful write through the master Service.
// Usage: dotnet run -c Release --project bench/RedisFailover.Bench [kills]
using System.Diagnostics;
using System.Globalization;
using BackendStack.Bench;
using BackendStack.Operator.Api;
using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Tests.Redis;
using k8s;
using k8s.Models;

const string Ns = "bench";
const string Name = "bench";
var kills = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;

await using var cluster = await OperatorUnderBench.StartAsync(Ns);
await using var runner = new RedisPodRunner(cluster.Client, Ns, Name);
var resource = new RedisFailover { Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Ns } };
resource.Spec.Sentinel.DownAfterMilliseconds = 1000;
resource.Spec.Sentinel.FailoverTimeout = 3000;
await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(resource, RedisFailover.Group, RedisFailover.Version, Ns, RedisFailover.Plural);
await Eventually.TrueAsync(async () => await StatusAsync() is { Phase: Phase.Ready, Sentinels.Agreeing: 3 }, "Ready", TimeSpan.FromSeconds(60));
var password = System.Text.Encoding.UTF8.GetString((await cluster.Client.CoreV1.ReadNamespacedSecretAsync($"{Name}-redis-auth", Ns)).Data["password"]);
await using var pool = new RedisConnectionPool(password, TimeSpan.FromMilliseconds(500));
var nodes = new RedisNodeClient(pool);
Console.WriteLine($"RedisFailover {Ns}/{Name} ready: 3 redis, 3 sentinels, downAfterMilliseconds 1000; {kills} master kills");

var samples = new List<FailoverSample>();
for (var i = 1; i <= kills; i++)
{
    var before = (await StatusAsync())!;
    var oldPod = before.Master!.Pod!;
    var oldIp = before.Master.Ip!;
    var killedAt = DateTime.UtcNow;
    var clock = Stopwatch.StartNew();
    runner.Process(oldPod).Kill();

    var firstWrite = await FirstWriteAsync(oldIp, clock);
    var after = await Eventually.ValueAsync(async () => await StatusAsync() is { Failovers: var f, LastFailover: { } last } s && f == before.Failovers + 1 ? s : null, "the failover in status", TimeSpan.FromSeconds(30));
    var last = after.LastFailover!;
    var sample = new FailoverSample(oldPod, last.To!, (last.Time!.Value - killedAt).TotalMilliseconds, last.DetectedAfterMilliseconds ?? double.NaN, firstWrite);
    samples.Add(sample);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"kill {i,2}: {sample.From} -> {sample.To}: +switch-master after {sample.KillToSwitch,7:F0} ms, relabelled {sample.SwitchToLabel,5:F0} ms later, first write after {sample.KillToWrite,7:F0} ms"));

    // The killed pod's container restarts and rejoins as a replica; Sentinel allows the next failover after 2 x failover-timeout.
    await runner.RestartAsync(oldPod);
    await Eventually.TrueAsync(
        async () => await nodes.GetReplicationAsync(new RedisEndpoint(oldIp, 6379), CancellationToken.None) is { Role: RedisRole.Replica, MasterLinkUp: true },
        "the old master to rejoin", TimeSpan.FromSeconds(30));
    await Eventually.TrueAsync(async () => await StatusAsync() is { Phase: Phase.Ready, Sentinels.Agreeing: 3 }, "Ready again", TimeSpan.FromSeconds(30));
    var wait = TimeSpan.FromSeconds(7) - clock.Elapsed;
    if (wait > TimeSpan.Zero)
    {
        await Task.Delay(wait);
    }
}

Console.WriteLine();
Console.WriteLine(Summary.Line("kill -> +switch-master", samples.Select(s => s.KillToSwitch)));
Console.WriteLine(Summary.Line("+switch-master -> master label (operator)", samples.Where(s => !double.IsNaN(s.SwitchToLabel)).Select(s => s.SwitchToLabel)));
Console.WriteLine(Summary.Line("kill -> first write via master Service", samples.Select(s => s.KillToWrite)));
return 0;

async Task<RedisFailoverStatus?> StatusAsync() =>
    (await cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<RedisFailover>(RedisFailover.Group, RedisFailover.Version, Ns, RedisFailover.Plural, Name)).Status;

// Polls the master Service's Endpoints (what kube-proxy routes by) and writes to the address once it moved.
async Task<double> FirstWriteAsync(string oldIp, Stopwatch clock)
{
    while (clock.Elapsed < TimeSpan.FromSeconds(30))
    {
        var endpoints = await cluster.Client.CoreV1.ListNamespacedEndpointsAsync(Ns, fieldSelector: $"metadata.name={Name}-redis-master");
        var addresses = endpoints.Items.SelectMany(e => e.Subsets ?? []).SelectMany(s => s.Addresses ?? []).Select(a => a.Ip).ToList();
        if (addresses is [var ip] && ip != oldIp)
        {
            try
            {
                var db = (await pool.GetAsync(new RedisEndpoint(ip, 6379), sentinel: false)).GetDatabase();
                if (await db.StringSetAsync("bench:last-write", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)))
                {
                    return clock.Elapsed.TotalMilliseconds;
                }
            }
            catch (StackExchange.Redis.RedisException)
            {
                // Not accepting writes yet (still a replica, or the connection is being made).
            }
        }

        await Task.Delay(5);
    }

    throw new TimeoutException("no write succeeded through the master Service within 30 s");
}
