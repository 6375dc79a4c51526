using System.Diagnostics;
using BackendStack.Operator.Api;
using k8s;
using k8s.Models;
using MySqlConnector;

namespace BackendStack.PodRuntime.Tests;

/// <summary>The benchmark's cluster ("db" in "bench") and the faults it times, polled every 10 to 50 ms.</summary>
internal sealed class GaleraBench(OperatorOnLocalPods stack)
{
    public const string Ns = "bench";
    private const string Name = "db";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private readonly Kubernetes client = stack.Client;
    private string rootPassword = "";

    public async Task CreateReadyAsync()
    {
        var resource = new PerconaCluster { Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Ns } };
        resource.Spec.Storage = new StorageSpec { Size = "1Gi" };
        resource.Spec.MysqlConfig = "innodb_buffer_pool_size = 32M\ninnodb_log_file_size = 16M\nperformance_schema = OFF";
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(resource, PerconaCluster.Group, PerconaCluster.Version, Ns, PerconaCluster.Plural);
        await UntilAsync(async () => IsReady(await GetAsync()), "Ready");
        rootPassword = System.Text.Encoding.UTF8.GetString((await client.CoreV1.ReadNamespacedSecretAsync($"{Name}-secrets", Ns)).Data["root"]);
        await ExecuteAsync(0, "CREATE DATABASE IF NOT EXISTS bench; CREATE TABLE IF NOT EXISTS bench.t (id INT AUTO_INCREMENT PRIMARY KEY, at DATETIME(6))");
    }

    public async Task<NodeKillSample> KillOneNodeAsync(int ordinal)
    {
        var survivor = ordinal == 1 ? 2 : 1;
        var watch = Stopwatch.StartNew();
        if (!stack.Cluster.Emulator.Faults.KillPodProcess(Ns, $"{Name}-pxc-{ordinal}", "pxc"))
        {
            throw new InvalidOperationException($"{Name}-pxc-{ordinal} was not running");
        }

        var evicted = UntilAsync(async () => await ClusterSizeAsync(survivor) is < 3, "eviction", TimeSpan.FromMilliseconds(10), watch);
        var status = UntilAsync(async () => await GetAsync() is { Status.Nodes: { } nodes }
            && nodes.Any(n => n.Pod == $"{Name}-pxc-{survivor}" && n.ClusterSize < 3), "status", TimeSpan.FromMilliseconds(10), watch);
        var eviction = await evicted;
        var statusAt = await status;
        await UntilAsync(async () => IsReady(await GetAsync()), "Ready again", TimeSpan.FromMilliseconds(50), watch);
        return new NodeKillSample(eviction, statusAt - eviction, watch.Elapsed);
    }

    public async Task<FullCrashSample> KillEveryNodeAsync()
    {
        await ExecuteAsync(0, "INSERT INTO bench.t (at) VALUES (NOW(6))");
        var before = (await GetAsync()).Status?.LastRecovery?.Time;
        var watch = Stopwatch.StartNew();
        foreach (var ordinal in Enumerable.Range(0, 3))
        {
            stack.Cluster.Emulator.Faults.KillPodProcess(Ns, $"{Name}-pxc-{ordinal}", "pxc");
        }

        var killedAt = DateTime.UtcNow;
        var recovery = await UntilValueAsync(async () => (await GetAsync()).Status?.LastRecovery is { } r && r.Time != before ? r : null, "bootstrap");
        var toBootstrap = recovery.Time!.Value - killedAt;
        var primary = await UntilAsync(async () => (await Task.WhenAll(Enumerable.Range(0, 3).Select(StatusAsync))).Any(s => s == "Primary"), "Primary", TimeSpan.FromMilliseconds(20), watch);
        var ready = await UntilAsync(async () => IsReady(await GetAsync()), "Ready", TimeSpan.FromMilliseconds(50), watch);
        return new FullCrashSample(toBootstrap, primary - toBootstrap, ready - primary, recovery.Seqno ?? -1);
    }

    private static bool IsReady(PerconaCluster cluster) =>
        cluster.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true && cluster.Status.Synced == cluster.Spec.Size;

    private Task<PerconaCluster> GetAsync() =>
        client.CustomObjects.GetNamespacedCustomObjectAsync<PerconaCluster>(PerconaCluster.Group, PerconaCluster.Version, Ns, PerconaCluster.Plural, Name);

    private async Task<int?> ClusterSizeAsync(int ordinal) =>
        int.TryParse(await StatusVariableAsync(ordinal, "wsrep_cluster_size"), out var size) ? size : null;

    private Task<string?> StatusAsync(int ordinal) => StatusVariableAsync(ordinal, "wsrep_cluster_status");

    private async Task<string?> StatusVariableAsync(int ordinal, string name)
    {
        try
        {
            await using var connection = await ConnectAsync(ordinal);
            await using var command = new MySqlCommand($"SHOW GLOBAL STATUS LIKE '{name}'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() ? reader.GetString(1) : null;
        }
        catch (MySqlException)
        {
            return null;
        }
    }

    private async Task ExecuteAsync(int ordinal, string sql)
    {
        await using var connection = await ConnectAsync(ordinal);
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<MySqlConnection> ConnectAsync(int ordinal)
    {
        var ip = (await client.CoreV1.ReadNamespacedPodAsync($"{Name}-pxc-{ordinal}", Ns)).Status.PodIP;
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder
        {
            Server = ip, UserID = "root", Password = rootPassword, Pooling = false, ConnectionTimeout = 1, SslMode = MySqlSslMode.None,
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<TimeSpan> UntilAsync(Func<Task<bool>> done, string what, TimeSpan? every = null, Stopwatch? watch = null)
    {
        watch ??= Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await done())
                {
                    return watch.Elapsed;
                }
            }
            catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException or MySqlException or InvalidOperationException or IOException)
            {
                // Not yet.
            }

            if (watch.Elapsed > Limit)
            {
                throw new TimeoutException($"no {what} within {Limit}:\n{stack.LogTail()}");
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(50));
        }
    }

    private async Task<T> UntilValueAsync<T>(Func<Task<T?>> read, string what)
        where T : class
    {
        T? value = null;
        await UntilAsync(async () => (value = await read()) is not null, what);
        return value!;
    }
}
