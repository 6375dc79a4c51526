using System.Diagnostics;
using k8s;
using MySqlConnector;
using Xunit.Abstractions;
using static BackendStack.PodRuntime.Tests.PerconaClusterOnPods;
using static BackendStack.PodRuntime.Tests.ProxySqlOnPods;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// Two ProxySQL pods following changes of the cluster behind them, for real: a user added later logs in through
/// ProxySQL, a replaced ProxySQL pod (empty datadir) is configured again while the other serves, a roll moves the
/// writer away and restarts the writer's node last while a client keeps writing, and a scale-up is routed to.
/// </summary>
[Collection(GaleraTestGroup.Name)]
public sealed class ProxySqlClusterChangePodTests(ITestOutputHelper output)
{
    private static readonly string[] ShopDatabase = ["shop"];

    [ProxySqlFact]
    public async Task AUserAddedLaterAReplacedProxyPodARollAndAScaleUpAreFollowed()
    {
        await using var stack = await StartAsync();
        await CreateReadyAsync(stack);
        await CreateProxyReadyAsync(stack, replicas: 2);
        var first = await ProxyPodIpAsync(stack, 0);
        var password = await SecretValueAsync(stack.Client, "db-user-shop", "password");
        await using (var app = await ConnectThroughProxyAsync(first, password))
        {
            await ScalarAsync(app, "CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, node VARCHAR(64))");
        }

        var reports = await AddUserAsync(stack, first);
        await ReplaceProxyPodAsync(stack, first, password, reports);
        await RollAsync(stack, first, password);
        await ScaleUpAsync(stack, first, password);
    }

    private async Task<string> AddUserAsync(OperatorOnLocalPods stack, string proxyIp)
    {
        var added = Stopwatch.StartNew();
        await PatchSpecAsync(stack.Client, new { users = new object[] { new { name = "shop", databases = ShopDatabase }, new { name = "reports", databases = ShopDatabase } } });
        var reports = await Eventually.ValueAsync(() => SecretValueAsync(stack.Client, "db-user-reports", "password"), p => p.Length > 0, "the Secret of user reports", TimeSpan.FromSeconds(30));
        await Eventually.ValueAsync(async () => await QueryThroughAsync(proxyIp, reports, "reports", "SELECT COUNT(*) FROM orders"), _ => true, "reports logs in through ProxySQL", TimeSpan.FromSeconds(30));
        output.WriteLine($"reports logged in through ProxySQL {added.Elapsed.TotalSeconds:F1} s after it was added to spec.users");
        return reports;
    }

    private async Task ReplaceProxyPodAsync(OperatorOnLocalPods stack, string survivorIp, string password, string reports)
    {
        var name = $"{Proxy}-proxysql-1";
        var before = await stack.Client.CoreV1.ReadNamespacedPodAsync(name, Ns);
        await stack.Client.CoreV1.DeleteNamespacedPodAsync(name, Ns, gracePeriodSeconds: 0);
        await using (var app = await ConnectThroughProxyAsync(survivorIp, password))
        {
            await using var insert = new MySqlCommand("INSERT INTO orders (node) VALUES (@@wsrep_node_name)", app);
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }


        var replaced = await Eventually.ValueAsync(() => stack.Client.CoreV1.ReadNamespacedPodAsync(name, Ns),
            p => p.Metadata.Uid != before.Metadata.Uid && p.Status?.PodIP is { Length: > 0 } && p.Status.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true, $"{name} replaced and Ready", TimeSpan.FromSeconds(120));
        var readyAt = Stopwatch.StartNew();
        await Eventually.ValueAsync(() => AdminQueryAsync(stack, replaced.Status.PodIP, "SELECT DISTINCT username FROM runtime_mysql_users ORDER BY username"),
            users => users == "reports\nshop", $"{name} configured again with both users", TimeSpan.FromSeconds(30));
        output.WriteLine($"{name} replaced: its users were configured {readyAt.Elapsed.TotalMilliseconds:F0} ms after it was seen Ready");
        Assert.Equal(3L, Convert.ToInt64(await AdminQueryAsync(stack, replaced.Status.PodIP, "SELECT COUNT(DISTINCT hostname) FROM runtime_mysql_servers"), System.Globalization.CultureInfo.InvariantCulture));
        await QueryThroughAsync(replaced.Status.PodIP, reports, "reports", "SELECT COUNT(*) FROM orders");
    }

    private async Task RollAsync(OperatorOnLocalPods stack, string proxyIp, string password)
    {
        var writer = (await ProxyReadyAsync(stack)).Status.Writer!;
        var uids = await PodUidsAsync(stack);
        using var stop = new CancellationTokenSource();
        var writes = new List<long>();
        var failures = new List<string>();
        var writing = Task.Run(() => WriteLoopAsync(proxyIp, password, writes, failures, stop.Token));
        var timeline = new List<(TimeSpan At, string What)>();
        var clock = Stopwatch.StartNew();

        var cluster = await GetAsync(stack.Client);
        await PatchSpecAsync(stack.Client, new { mysqlConfig = cluster.Spec.MysqlConfig + "\nmax_connections = 90" });
        var restarted = new List<string>();
        string? lastWriter = writer;
        while (restarted.Count < uids.Count && clock.Elapsed < TimeSpan.FromSeconds(300))
        {
            var proxyWriter = (await GetProxyAsync(stack)).Status?.Writer;
            if (proxyWriter != lastWriter)
            {
                timeline.Add((clock.Elapsed, $"ProxySQL writer {proxyWriter}"));
                lastWriter = proxyWriter;
            }

            foreach (var (pod, uid) in await PodUidsAsync(stack))
            {
                if (uids[pod] != uid && !restarted.Contains(pod))
                {
                    restarted.Add(pod);
                    timeline.Add((clock.Elapsed, $"restarted {pod}"));
                }
            }

            await Task.Delay(200);
        }

        await ReadyAsync(stack, 3);
        await stop.CancelAsync();
        await writing;
        foreach (var (at, what) in timeline)
        {
            output.WriteLine($"{at.TotalSeconds,6:F1} s {what}");
        }

        output.WriteLine($"roll started {DateTime.UtcNow - clock.Elapsed:HH:mm:ss.fff}");
        foreach (var line in File.ReadLines(stack.LogPath).Where(l => l.Contains("leaving the writer", StringComparison.Ordinal) || l.Contains("deleted Pod", StringComparison.Ordinal) || l.Contains("evict", StringComparison.Ordinal)))
        {
            output.WriteLine(line);
        }

        output.WriteLine($"during the roll: {writes.Count} writes acknowledged, {failures.Count} failed {string.Join("; ", failures.Take(5))}");
        Assert.Equal([.. uids.Keys.Order(StringComparer.Ordinal)], restarted.Order(StringComparer.Ordinal));
        // ProxySQL's Galera monitor may move the writer while nodes rejoin; what must hold is that the writer of the moment
        // is never the node restarted: the writer at the start is not restarted first, and no node is restarted while
        // ProxySQL still names it as its writer.
        Assert.NotEqual(writer, restarted[0]);
        foreach (var pod in restarted)
        {
            var at = timeline.First(t => t.What == $"restarted {pod}").At;
            // Just after a LOAD ProxySQL lists every ONLINE node as writer until its next Galera check (the operator
            // waits that out, but ProxySQL may enter it at any time): a restart is wrong when the last state seen
            // before it is a settled single writer that is this node.
            var last = timeline.LastOrDefault(t => t.At <= at && t.What.StartsWith("ProxySQL writer", StringComparison.Ordinal)).What ?? $"ProxySQL writer {writer}";
            Assert.False(last == $"ProxySQL writer {pod}", $"{pod} restarted while it was the writer ({last})");
        }
        await AssertStoredAsync(stack, writes);
        Assert.True(writes.Count > 100, $"only {writes.Count} writes went through during the roll");
    }

    private async Task ScaleUpAsync(OperatorOnLocalPods stack, string proxyIp, string password)
    {
        await PatchSpecAsync(stack.Client, new { size = 5 });
        await ReadyAsync(stack, 5);
        var routed = Stopwatch.StartNew();
        await Eventually.ValueAsync(() => AdminQueryAsync(stack, proxyIp, "SELECT COUNT(DISTINCT hostname) FROM runtime_mysql_servers WHERE status = 'ONLINE'"),
            n => n == "5", "ProxySQL routing to 5 nodes", TimeSpan.FromSeconds(30));
        output.WriteLine($"ProxySQL had 5 ONLINE backends {routed.Elapsed.TotalMilliseconds:F0} ms after the cluster showed Ready with 5");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 40 && !seen.Overlaps([$"{Name}-pxc-3", $"{Name}-pxc-4"]); i++)
        {
            seen.Add((string)(await QueryThroughAsync(proxyIp, password, "shop", "SELECT @@wsrep_node_name"))!);
        }

        Assert.True(seen.Overlaps([$"{Name}-pxc-3", $"{Name}-pxc-4"]), $"reads went to {string.Join(", ", seen)} only");
    }

    private static async Task WriteLoopAsync(string proxyIp, string password, List<long> writes, List<string> failures, CancellationToken cancellationToken)
    {
        MySqlConnection? app = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                app ??= await ConnectThroughProxyAsync(proxyIp, password);
                await using var command = new MySqlCommand("INSERT INTO orders (node) VALUES (@@wsrep_node_name)", app);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
                writes.Add(command.LastInsertedId);
            }
            catch (MySqlException e)
            {
                failures.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {e.Message}");
                await (app?.DisposeAsync() ?? ValueTask.CompletedTask);
                app = null;
            }

            await Task.Delay(20, CancellationToken.None);
        }

        await (app?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    private static async Task AssertStoredAsync(OperatorOnLocalPods stack, List<long> writes)
    {
        await using var node = await ConnectAsync(stack.Client, 0);
        await ScalarAsync(node, "SET SESSION wsrep_sync_wait = 1");
        foreach (var chunk in writes.Chunk(500))
        {
            Assert.Equal((long)chunk.Length, Convert.ToInt64(await ScalarAsync(node, $"SELECT COUNT(*) FROM shop.orders WHERE id IN ({string.Join(",", chunk)})"), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static async Task<Dictionary<string, string>> PodUidsAsync(OperatorOnLocalPods stack)
    {
        var uids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var ordinal in Enumerable.Range(0, 3))
        {
            try
            {
                uids[$"{Name}-pxc-{ordinal}"] = (await stack.Client.CoreV1.ReadNamespacedPodAsync($"{Name}-pxc-{ordinal}", Ns)).Metadata.Uid;
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                uids[$"{Name}-pxc-{ordinal}"] = "";
            }
        }

        return uids;
    }

    private static async Task<object?> QueryThroughAsync(string proxyIp, string password, string user, string sql)
    {
        await using var connection = await ConnectThroughProxyAsync(proxyIp, password, user);
        return await ScalarAsync(connection, sql);
    }
}
