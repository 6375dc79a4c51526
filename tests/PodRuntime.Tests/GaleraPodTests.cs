using k8s;
using k8s.Models;
using MySqlConnector;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// A StatefulSet written for the Percona XtraDB Cluster image, run by the local runtime with MariaDB
/// and Galera standing in: pxc-0 bootstraps the cluster, the others join it through the headless
/// Service's hostnames, every node on its own Pod IP.
/// </summary>
public sealed class GaleraPodTests
{
    private const string Ns = "db";
    private const string Password = "root-pass'word";

    /// <summary>pxc-0 bootstraps a new cluster on its first start; every other start joins the peers that resolve.</summary>
    private const string Start = """
        set -e
        if [ "$(hostname)" = pxc-0 ] && [ ! -s /var/lib/mysql/grastate.dat ]; then
          exec mysqld --wsrep-new-cluster --wsrep-cluster-address=gcomm://
        fi
        peers=
        for i in 0 1 2; do
          [ "pxc-$i" = "$(hostname)" ] && continue
          getent hosts "pxc-$i.pxc" >/dev/null && peers="$peers${peers:+,}pxc-$i.pxc"
        done
        exec mysqld --wsrep-cluster-address="gcomm://$peers"
        """;

    private const string NodeConfig = """
        [mysqld]
        wsrep_on = ON
        wsrep_provider = /usr/lib64/galera4/libgalera_smm.so
        wsrep_cluster_name = pxc
        binlog_format = ROW
        default_storage_engine = InnoDB
        innodb_autoinc_lock_mode = 2
        innodb_buffer_pool_size = 64M
        innodb_log_file_size = 16M
        performance_schema = OFF
        skip-name-resolve
        """;

    [Fact]
    public async Task ThreeNodeClusterFromAStatefulSetSyncsOnPodIPsAndReplicatesWrites()
    {
        await using var cluster = await LocalPodsEmulator.StartAsync();
        var client = cluster.Client;
        await CreateAsync(client);

        await Eventually.ValueAsync(() => client.AppsV1.ReadNamespacedStatefulSetAsync("pxc", Ns), s => s.Status?.ReadyReplicas == 3,
            "three Synced nodes", TimeSpan.FromSeconds(240), () => LogTails(cluster));
        var ips = new List<string>();
        foreach (var name in new[] { "pxc-0", "pxc-1", "pxc-2" })
        {
            var ip = (await client.CoreV1.ReadNamespacedPodAsync(name, Ns)).Status.PodIP;
            ips.Add(ip);
            await using var connection = await ConnectAsync(ip);
            Assert.Equal(ip, await ScalarAsync(connection, "SELECT @@bind_address"));
            Assert.Equal("3", await StatusAsync(connection, "wsrep_cluster_size"));
            Assert.Equal("Synced", await StatusAsync(connection, "wsrep_local_state_comment"));
        }

        // Galera's group communication listens on the Pod IPs only, never on 0.0.0.0.
        var listeners = await HostCommand.ListenersAsync(4567);
        Assert.All(ips, ip => Assert.Contains($"{ip}:4567", listeners, StringComparison.Ordinal));
        Assert.DoesNotContain("0.0.0.0:4567", listeners, StringComparison.Ordinal);

        await using (var last = await ConnectAsync(ips[2]))
        {
            await ScalarAsync(last, "CREATE DATABASE shop; CREATE TABLE shop.orders (id INT PRIMARY KEY, item TEXT); INSERT INTO shop.orders VALUES (1, 'written on pxc-2')");
        }

        // Galera certifies a commit on every node but applies it asynchronously: a causal read waits for it.
        await using var first = await ConnectAsync(ips[0]);
        await ScalarAsync(first, "SET SESSION wsrep_sync_wait = 1");
        Assert.Equal("written on pxc-2", await ScalarAsync(first, "SELECT item FROM shop.orders WHERE id = 1"));
    }

    private static async Task CreateAsync(Kubernetes client)
    {
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Ns } });
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "pxc-secrets" },
            StringData = new Dictionary<string, string> { ["root"] = Password },
        }, Ns);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "pxc-config" },
            Data = new Dictionary<string, string> { ["node.cnf"] = NodeConfig },
        }, Ns);
        // As the image's own probe does: with the password from the Secret (in MYSQL_PWD, never in the
        // arguments), over TCP to the Pod's address, not through root's socket authentication.
        var ready = PodBuilder.Exec("sh", "-c", "MYSQL_PWD=\"$MYSQL_ROOT_PASSWORD\" mysql --protocol=TCP -h \"$(hostname -i)\" -uroot -N -e \"SHOW STATUS LIKE 'wsrep_local_state_comment'\" | grep -q Synced");
        ready.PeriodSeconds = 2;
        ready.TimeoutSeconds = 5;
        var pxc = new V1Container
        {
            Name = "pxc",
            Image = "percona/percona-xtradb-cluster:8.0",
            Command = ["sh", "-c", Start],
            Env =
            [
                new V1EnvVar
                {
                    Name = "MYSQL_ROOT_PASSWORD",
                    ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "pxc-secrets", Key = "root" } },
                },
            ],
            VolumeMounts = [PodBuilder.Mount("config", "/etc/mysql/conf.d"), PodBuilder.Mount("datadir", "/var/lib/mysql")],
            ReadinessProbe = ready,
        };
        await new StatefulSetBuilder("pxc", Replicas: 3, Port: 3306, pxc, Claim: "datadir")
        {
            TerminationGracePeriodSeconds = 10,
            Volumes = [new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = "pxc-config" } }],
        }.CreateAsync(client, Ns);
    }

    private static async Task<MySqlConnection> ConnectAsync(string ip)
    {
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder
        {
            Server = ip,
            UserID = "root",
            Password = Password,
            ConnectionTimeout = 10,
            Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<string?> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task<string?> StatusAsync(MySqlConnection connection, string variable)
    {
        await using var command = new MySqlCommand($"SHOW STATUS LIKE '{variable}'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? reader.GetString(1) : null;
    }

    /// <summary>The end of each Pod's container log and probe log, for a failure message.</summary>
    private static string LogTails(LocalPodsEmulator cluster) => string.Join('\n', cluster.Runtime.RunningPods.Keys.Select(key =>
        $"--- {key.Name}\n{Tail(cluster.Runtime.GetLogPath(key), 15)}\n--- {key.Name} probes\n{Tail(cluster.Runtime.GetProbeLogPath(key), 5)}"));

    private static string Tail(string? path, int lines) => path is null ? "(none)" : string.Join('\n', File.ReadLines(path).TakeLast(lines));
}
