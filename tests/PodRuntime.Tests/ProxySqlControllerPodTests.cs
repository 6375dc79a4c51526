using System.Diagnostics;
using BackendStack.Operator.Api;
using k8s;
using k8s.Models;
using MySqlConnector;
using Xunit.Abstractions;
using static BackendStack.PodRuntime.Tests.PerconaClusterOnPods;
using static BackendStack.PodRuntime.Tests.ProxySqlOnPods;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// The ProxySQL controller end to end: the operator's own ProxySQL pods (the real ProxySQL binary) in front of a real
/// MariaDB Galera PerconaCluster, the application user from the cluster's spec.users, the read/write split checked by
/// the node each statement ran on, no admin writes while nothing changes, and writes resuming after the writer is killed.
/// </summary>
[Collection(GaleraTestGroup.Name)]
public sealed class ProxySqlControllerPodTests(ITestOutputHelper output)
{
    [ProxySqlFact]
    public async Task ReadsGoToReadersWritesToTheWriterNothingIsRewrittenAndWritesResumeAfterTheWriterIsKilled()
    {
        await using var stack = await StartAsync();
        await CreateReadyAsync(stack);
        var created = Stopwatch.StartNew();
        var ready = await CreateProxyReadyAsync(stack);
        output.WriteLine($"ProxySQL Ready {created.Elapsed.TotalSeconds:F1} s after it was created; writer {ready.Status.Writer}");
        Assert.Equal($"{Proxy}.{Ns}.svc:3306", ready.Status.Endpoint);
        var writer = ready.Status.Writer!;
        var readers = ready.Status.Backends!.Where(b => b.Hostgroup == 30 && b.Status == "ONLINE").Select(b => b.Host!).ToHashSet();
        Assert.StartsWith($"{Name}-pxc-", writer, StringComparison.Ordinal);

        var proxyIp = (await stack.Client.CoreV1.ReadNamespacedPodAsync($"{Proxy}-proxysql-0", Ns)).Status.PodIP;
        var password = await SecretValueAsync(stack.Client, "db-user-shop", "password");
        await using (var app = await ConnectThroughProxyAsync(proxyIp, password))
        {
            await ScalarAsync(app, "CREATE TABLE orders (id INT PRIMARY KEY, node VARCHAR(64))");
            await ScalarAsync(app, "INSERT INTO orders VALUES (0, @@wsrep_node_name)");
            Assert.Equal(writer, await ScalarAsync(app, "SELECT node FROM orders WHERE id = 0 FOR UPDATE"));
        }

        // A session variable in a query pins the client's session to its backend connection: each read opens its own.
        var seen = new HashSet<string>();
        for (var i = 0; i < 30; i++)
        {
            await using var reader = await ConnectThroughProxyAsync(proxyIp, password);
            seen.Add((string)(await ScalarAsync(reader, "SELECT @@wsrep_node_name"))!);
        }

        Assert.True(seen.IsSubsetOf(readers), $"reads went to {string.Join(", ", seen)}, readers are {string.Join(", ", readers)}");
        Assert.True(seen.Count >= 2, $"reads went to {string.Join(", ", seen)} only");

        var before = await ChecksumsAsync(stack, proxyIp);
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Equal(before, await ChecksumsAsync(stack, proxyIp));

        using var watching = new CancellationTokenSource();
        var transitions = WatchServersAsync(stack, proxyIp, watching.Token);
        var killedAt = DateTime.UtcNow;
        var (firstWrite, failed, acknowledged, killed) = await KillWriterWhileWritingAsync(stack, proxyIp, password, writer);
        killedAt = killed;
        await watching.CancelAsync();
        var servers = await transitions;
        foreach (var (at, line) in servers)
        {
            output.WriteLine($"{at:HH:mm:ss.fff} {line}");
        }

        var left = servers.FirstOrDefault(t => t.At > killedAt && t.Line.StartsWith("servers:", StringComparison.Ordinal) && !t.Line.Contains($" 10 {writer} ONLINE", StringComparison.Ordinal)).At;
        output.WriteLine($"{writer} left the ONLINE writer hostgroup {(left - killedAt).TotalMilliseconds:F0} ms after the kill");
        Assert.True(left != default && left - killedAt < TimeSpan.FromSeconds(2), $"{writer} stayed an ONLINE writer");

        foreach (var line in File.ReadLines(stack.LogPath).Where(l => l.Contains("proxysql shop/proxy", StringComparison.Ordinal)).TakeLast(8))
        {
            output.WriteLine(line);
        }

        output.WriteLine($"writer {writer} killed: first write {firstWrite.TotalMilliseconds:F0} ms later, {failed} failed writes, {acknowledged.Count} acknowledged");
        Assert.True(firstWrite < TimeSpan.FromSeconds(10), $"first write after the kill took {firstWrite}");
        var survivor = Enumerable.Range(0, 3).First(i => $"{Name}-pxc-{i}" != writer);
        await using var node = await ConnectAsync(stack.Client, survivor);
        await ScalarAsync(node, "SET SESSION wsrep_sync_wait = 1");
        var stored = Convert.ToInt64(await ScalarAsync(node, $"SELECT COUNT(*) FROM shop.orders WHERE id IN ({string.Join(",", acknowledged)})"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(acknowledged.Count, stored);
        Assert.Equal(0L, await ScalarAsync(node, $"SELECT COUNT(*) FROM shop.orders WHERE id < 50 AND node <> '{writer}'"));
    }

    private async Task<(TimeSpan FirstWrite, int Failed, List<int> Acknowledged, DateTime KilledAt)> KillWriterWhileWritingAsync(OperatorOnLocalPods stack, string proxyIp, string password, string writer)
    {
        var acknowledged = new List<int>();
        var failed = 0;
        var clock = Stopwatch.StartNew();
        TimeSpan? killedAt = null;
        var killedWallClock = default(DateTime);
        TimeSpan? firstAfter = null;
        MySqlConnection? app = null;
        for (var id = 1; clock.Elapsed < TimeSpan.FromSeconds(90); id++)
        {
            if (killedAt is null && id == 50)
            {
                Assert.True(stack.Cluster.Emulator.Faults.KillPodProcess(Ns, writer, "pxc"));
                killedAt = clock.Elapsed;
                killedWallClock = DateTime.UtcNow;
                output.WriteLine($"{killedWallClock:HH:mm:ss.fff} killed {writer}");
            }

            try
            {
                app ??= await ConnectThroughProxyAsync(proxyIp, password);
                await ScalarAsync(app, $"INSERT INTO orders VALUES ({id}, @@wsrep_node_name)");
                acknowledged.Add(id);
                if (killedAt is not null && firstAfter is null)
                {
                    firstAfter = clock.Elapsed - killedAt;
                }
            }
            catch (MySqlException e)
            {
                failed++;
                output.WriteLine($"{clock.Elapsed.TotalMilliseconds:F0} ms write {id} failed: {e.Message}");
                if (app is not null)
                {
                    await app.DisposeAsync();
                    app = null;
                }
            }

            if (firstAfter is { } first && clock.Elapsed - killedAt > first + TimeSpan.FromSeconds(2))
            {
                break;
            }

            await Task.Delay(10);
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }

        Assert.True(firstAfter is not null, "no write succeeded after the kill\n" + stack.LogTail());
        return (firstAfter!.Value, failed, acknowledged, killedWallClock);
    }

    /// <summary>Each change of runtime_mysql_servers, with the time it was seen (every 100 ms).</summary>
    private static async Task<List<(DateTime At, string Line)>> WatchServersAsync(OperatorOnLocalPods stack, string proxyIp, CancellationToken cancellationToken)
    {
        var lines = new List<(DateTime, string)>();
        var last = "";
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var now = await AdminQueryAsync(stack, proxyIp, "SELECT hostgroup_id, comment, status FROM runtime_mysql_servers ORDER BY comment, hostgroup_id");
                if (now != last)
                {
                    lines.Add((DateTime.UtcNow, $"servers: {now.Replace('\n', ' ')}"));
                    last = now;
                }

                await Task.Delay(100, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (MySqlException e)
            {
                lines.Add((DateTime.UtcNow, $"admin: {e.Message}"));
            }
        }

        return lines;
    }
}
