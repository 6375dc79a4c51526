using System.Diagnostics;
using BackendStack.Operator.Api;
using k8s;
using k8s.Models;
using MySqlConnector;
using static BackendStack.PodRuntime.Tests.PerconaClusterOnPods;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// A 3-node PerconaCluster with two proxies in front of it: the operator's ProxySQL "proxy" and <see cref="BaselineProxy"/>.
/// A client writes through each every 10 ms; each round kills one proxy's writer node (kill -9 of its mariadbd) and
/// times, for every proxy whose writer that was, the kill to its first acknowledged write.
/// </summary>
internal sealed class ProxyFailoverBench(OperatorOnLocalPods stack, TextWriter log)
{
    public const string Operator = "operator";
    public const string Baseline = "defaults";
    private const string Proxy = "proxy";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly Kubernetes client = stack.Client;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Dictionary<string, string> proxyIps = [];
    private string password = "";

    /// <summary>Galera's own failure detection, lowered from evs.suspect_timeout=PT5S so a dead node leaves the group within about a second.</summary>
    public static string ProviderOptions => "evs.keepalive_period=PT0.3S;evs.suspect_timeout=PT1S;evs.inactive_check_period=PT0.3S";

    public WriteLoop[] Loops { get; private set; } = [];

    public async Task StartAsync()
    {
        await CreateReadyAsync(stack, 3, spec => spec.MysqlConfig += $"\nwsrep_provider_options = \"{ProviderOptions}\"");
        password = await SecretValueAsync(client, "db-user-shop", "password");
        await using (var root = await ConnectAsync(client, 0))
        {
            await ScalarAsync(root, "CREATE TABLE shop.writes (id BIGINT AUTO_INCREMENT PRIMARY KEY, via VARCHAR(16), node VARCHAR(64))");
        }

        var resource = new ProxySQL { Metadata = new V1ObjectMeta { Name = Proxy, NamespaceProperty = Ns } };
        resource.Spec.ClusterRef = new LocalObjectReference { Name = Name };
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(resource, ProxySQL.Group, ProxySQL.Version, Ns, ProxySQL.Plural);

        var ips = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => PodIpAsync(client, i)));
        await client.CoreV1.CreateNamespacedSecretAsync(BaselineProxy.Config(ips, await SecretValueAsync(client, $"{Name}-secrets", "monitor"), "shop", password), Ns);
        await client.CoreV1.CreateNamespacedPodAsync(BaselineProxy.Pod(), Ns);

        await OperatorProxyWriterAsync();
        proxyIps[Operator] = (await client.CoreV1.ReadNamespacedPodAsync($"{Proxy}-proxysql-0", Ns)).Status.PodIP;
        proxyIps[Baseline] = await Eventually.ValueAsync(
            async () => (await client.CoreV1.ReadNamespacedPodAsync(BaselineProxy.Name, Ns)).Status?.PodIP ?? "", ip => ip.Length > 0, "the baseline's Pod IP", Limit);
        Loops = [new WriteLoop(Operator, () => ConnectThroughAsync(Operator), clock), new WriteLoop(Baseline, () => ConnectThroughAsync(Baseline), clock)];
    }

    /// <summary>Kills the writer node of <paramref name="target"/>; returns a sample for each proxy that wrote to that node.</summary>
    public async Task<List<FailoverSample>> KillWriterOfAsync(string target)
    {
        await ReadyAsync(stack, 3);
        var writers = new Dictionary<string, string>
        {
            [Operator] = await OperatorProxyWriterAsync(),
            [Baseline] = await Eventually.ValueAsync(() => WriterThroughAsync(Baseline), w => w.Length > 0, "the baseline's writer", Limit),
        };
        await Eventually.ValueAsync(() => Task.FromResult(Loops.All(l => l.Since(clock.Elapsed - TimeSpan.FromSeconds(1)) is { Count: > 0 } recent && recent.All(a => a.Acknowledged))),
            ok => ok, "both clients writing", Limit);

        var victim = writers[target];
        var killedAt = clock.Elapsed;
        if (!stack.Cluster.Emulator.Faults.KillPodProcess(Ns, victim, "pxc"))
        {
            throw new InvalidOperationException($"{victim} was not running");
        }

        var affected = Loops.Where(l => writers[l.Via] == victim).ToList();
        var samples = new List<FailoverSample>();
        foreach (var loop in affected)
        {
            var first = await Eventually.ValueAsync(() => Task.FromResult(loop.Since(killedAt)), a => a.Any(w => w.Acknowledged), $"a write through {loop.Via} after the kill", Limit, () => stack.LogTail());
            var firstAck = first.First(w => w.Acknowledged);
            samples.Add(new FailoverSample(loop.Via, firstAck.At - killedAt, first.TakeWhile(w => !w.Acknowledged).Count()));
        }

        log.WriteLine($"{DateTime.UtcNow - (clock.Elapsed - killedAt):HH:mm:ss.fff} killed {victim} (writer of {string.Join(" and ", affected.Select(l => l.Via))}): {string.Join(", ", samples.Select(s => $"{s.Via} {s.ToFirstWrite.TotalMilliseconds:F0} ms, {s.FailedWrites} failed"))}");
        return samples;
    }

    /// <summary>Every acknowledged write is in the table (read from one node after a causality wait); returns how many were checked.</summary>
    public async Task<int> VerifyNoAcknowledgedWriteLostAsync()
    {
        await ReadyAsync(stack, 3);
        await using var node = await ConnectAsync(client, 0);
        await ScalarAsync(node, "SET SESSION wsrep_sync_wait = 1");
        var checkedCount = 0;
        foreach (var loop in Loops)
        {
            foreach (var chunk in loop.Acknowledged().Chunk(1000))
            {
                var stored = Convert.ToInt32(await ScalarAsync(node, $"SELECT COUNT(*) FROM shop.writes WHERE id IN ({string.Join(",", chunk)})"), System.Globalization.CultureInfo.InvariantCulture);
                if (stored != chunk.Length)
                {
                    throw new InvalidOperationException($"{chunk.Length - stored} acknowledged writes through {loop.Via} are missing");
                }

                checkedCount += chunk.Length;
            }
        }

        return checkedCount;
    }

    private async Task<string> OperatorProxyWriterAsync()
    {
        var ready = await Eventually.ValueAsync(
            () => client.CustomObjects.GetNamespacedCustomObjectAsync<ProxySQL>(ProxySQL.Group, ProxySQL.Version, Ns, ProxySQL.Plural, Proxy),
            p => p.Status is { Phase: Phase.Ready, Writer: { } w } && !w.Contains(',', StringComparison.Ordinal),
            "ProxySQL proxy Ready with one writer", Limit, () => stack.LogTail());
        return ready.Status.Writer!;
    }

    private async Task<string> WriterThroughAsync(string via)
    {
        await using var connection = await ConnectThroughAsync(via);
        return (string)(await ScalarAsync(connection, "SELECT @@wsrep_node_name"))!;
    }

    private async Task<MySqlConnection> ConnectThroughAsync(string via)
    {
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder
        {
            Server = proxyIps[via],
            Port = 6033,
            UserID = "shop",
            Password = password,
            Database = "shop",
            Pooling = false,
            ConnectionTimeout = 5,
            DefaultCommandTimeout = 30,
            SslMode = MySqlSslMode.None,
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
