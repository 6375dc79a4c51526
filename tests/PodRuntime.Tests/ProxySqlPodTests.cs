using BackendStack.PodRuntime;
using k8s.Models;
using MySqlConnector;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// A Pod of the ProxySQL image run by the local runtime with the real ProxySQL binary: its config file
/// from a ConfigMap asks for every address, as a manifest for a cluster would, and it listens on its
/// Pod IP only. Its datadir is a volume, so a restart finds the configuration it saved.
/// </summary>
public sealed class ProxySqlPodTests
{
    private const string OperatorPassword = "op-pass-7Q";

    private static readonly string Config = $$"""
        datadir="/var/lib/proxysql"
        admin_variables=
        {
            admin_credentials="admin:admin;operator:{{OperatorPassword}}"
            mysql_ifaces="0.0.0.0:6032"
        }
        mysql_variables=
        {
            threads=2
            interfaces="0.0.0.0:6033"
            server_version="8.0.36"
        }
        """;

    private static V1Pod ProxySqlPod(string name)
    {
        // As a real Pod's probe would: the default admin on the Pod's loopback (the password in MYSQL_PWD, not the arguments).
        var ready = PodBuilder.Exec("sh", "-c", "MYSQL_PWD=admin mysql -h127.0.0.1 -P6032 -uadmin -N -e 'SELECT 1' | grep -q 1");
        ready.FailureThreshold = 3;
        return new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1PodSpec
            {
                Hostname = name,
                TerminationGracePeriodSeconds = 5,
                Volumes =
                [
                    new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = "proxysql-config" } },
                    PodBuilder.EmptyDir("data"),
                ],
                Containers =
                [
                    new V1Container
                    {
                        Name = "proxysql",
                        Image = "proxysql/proxysql:2.7",
                        Args = ["-c", "/etc/proxysql/proxysql.cnf"],
                        Ports = [new V1ContainerPort { Name = "admin", ContainerPort = 6032 }, new V1ContainerPort { Name = "mysql", ContainerPort = 6033 }],
                        VolumeMounts = [PodBuilder.Mount("config", "/etc/proxysql"), PodBuilder.Mount("data", "/var/lib/proxysql")],
                        ReadinessProbe = ready,
                    },
                ],
            },
        };
    }

    [ProxySqlFact]
    public async Task ProxySqlPodAnswersItsSecondAdminOnThePodIPOnlyAndKeepsItAfterARestart()
    {
        await using var harness = new RuntimeHarness();
        harness.Cluster.Put(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "proxysql-config", NamespaceProperty = "test" },
            Data = new Dictionary<string, string> { ["proxysql.cnf"] = Config },
        });
        var pod = ProxySqlPod("proxysql-0");
        var key = harness.Run(pod);

        await harness.WaitReadyAsync(key, TimeSpan.FromSeconds(60));

        var ip = pod.Status.PodIP;
        await using (var admin = await ConnectAsync(ip))
        {
            Assert.StartsWith("2.7", await ScalarAsync(admin, "SELECT @@version"), StringComparison.Ordinal);
            Assert.Equal($"{ip}:6033", await ScalarAsync(admin, "SELECT variable_value FROM global_variables WHERE variable_name = 'mysql-interfaces'"));
            // A configuration saved to disk, with the address every interface of a cluster Pod would have.
            await ScalarAsync(admin, "INSERT INTO mysql_servers (hostgroup_id, hostname, port) VALUES (10, 'pxc-0.pxc', 3306)");
            await ScalarAsync(admin, "SAVE MYSQL SERVERS TO DISK");
            await ScalarAsync(admin, "UPDATE global_variables SET variable_value = '0.0.0.0:6033' WHERE variable_name = 'mysql-interfaces'");
            await ScalarAsync(admin, "SAVE MYSQL VARIABLES TO DISK");
        }

        var pid = harness.Runtime.GetContainerPid(key, "proxysql")!.Value;
        Assert.Equal("proxysql", File.ReadAllText($"/proc/{pid}/comm").Trim());
        await AssertListensOnPodIPOnlyAsync(ip);

        Assert.True(harness.Runtime.KillContainer(key, "proxysql"));
        await harness.Sink.WaitForAsync(key, s => s.ContainerStatuses?.SingleOrDefault() is { RestartCount: >= 1, Ready: true }, TimeSpan.FromSeconds(60));

        await using (var admin = await ConnectAsync(ip))
        {
            Assert.Equal("1", await ScalarAsync(admin, "SELECT COUNT(*) FROM mysql_servers WHERE hostname = 'pxc-0.pxc'"));
            Assert.Equal($"{ip}:6033", await ScalarAsync(admin, "SELECT variable_value FROM global_variables WHERE variable_name = 'mysql-interfaces'"));
        }

        await AssertListensOnPodIPOnlyAsync(ip);
    }

    private static async Task AssertListensOnPodIPOnlyAsync(string ip)
    {
        foreach (var port in new[] { 6032, 6033 })
        {
            var listeners = await HostCommand.ListenersAsync(port);
            Assert.Contains($"{ip}:{port}", listeners, StringComparison.Ordinal);
            Assert.DoesNotContain($"0.0.0.0:{port}", listeners, StringComparison.Ordinal);
            Assert.DoesNotContain($"*:{port}", listeners, StringComparison.Ordinal);
        }
    }

    /// <summary>The second admin credential: 'admin' may connect from localhost only. ProxySQL's admin refuses COM_RESET_CONNECTION, so no pooling.</summary>
    private static async Task<MySqlConnection> ConnectAsync(string ip)
    {
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder
        {
            Server = ip,
            Port = 6032,
            UserID = "operator",
            Password = OperatorPassword,
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
}
