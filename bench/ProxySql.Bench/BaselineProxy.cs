using System.Text;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// ProxySQL as its documentation sets it up for Galera, with every interval at ProxySQL's default (the Galera check
/// every 5 s, 3 missed checks before a node is taken out): a bare Pod of the same binary in front of the same nodes,
/// configured from its proxysql.cnf alone, with no operator watching it. The config lives in a Secret because it holds
/// the monitor's and the application user's passwords.
/// </summary>
internal static class BaselineProxy
{
    public const string Name = "baseline-proxysql";

    public static V1Secret Config(IEnumerable<string> nodeIps, string monitorPassword, string user, string password)
    {
        var text = new StringBuilder();
        text.Append("datadir=\"/var/lib/proxysql\"\n");
        text.Append("admin_variables=\n{\n    admin_credentials=\"admin:admin\"\n    mysql_ifaces=\"0.0.0.0:6032\"\n}\n");
        text.Append("mysql_variables=\n{\n    threads=2\n    interfaces=\"0.0.0.0:6033\"\n    server_version=\"10.11.0-MariaDB\"\n");
        text.Append("    monitor_username=\"monitor\"\n    monitor_password=\"").Append(monitorPassword).Append("\"\n}\n");
        text.Append("mysql_servers=\n(\n");
        text.AppendJoin(",\n", nodeIps.Select(ip => $"    {{ address=\"{ip}\", port=3306, hostgroup=10 }}"));
        text.Append("\n)\n");
        text.Append("mysql_galera_hostgroups=\n(\n    { writer_hostgroup=10, backup_writer_hostgroup=20, reader_hostgroup=30, offline_hostgroup=9999, ");
        text.Append("active=1, max_writers=1, writer_is_also_reader=1, max_transactions_behind=100 }\n)\n");
        text.Append("mysql_users=\n(\n    { username=\"").Append(user).Append("\", password=\"").Append(password)
            .Append("\", default_hostgroup=10, transaction_persistent=1 }\n)\n");
        return new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = PerconaClusterOnPods.Ns },
            StringData = new Dictionary<string, string> { ["proxysql.cnf"] = text.ToString() },
        };
    }

    public static V1Pod Pod() => new()
    {
        Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = PerconaClusterOnPods.Ns, Labels = new Dictionary<string, string> { ["app"] = Name } },
        Spec = new V1PodSpec
        {
            Containers =
            [
                new V1Container
                {
                    Name = "proxysql",
                    Image = "proxysql/proxysql:2.7",
                    Args = ["-c", "/etc/baseline/proxysql.cnf"],
                    VolumeMounts =
                    [
                        new V1VolumeMount { Name = "config", MountPath = "/etc/baseline" },
                        new V1VolumeMount { Name = "data", MountPath = "/var/lib/proxysql" },
                    ],
                },
            ],
            Volumes =
            [
                new V1Volume { Name = "config", Secret = new V1SecretVolumeSource { SecretName = Name } },
                new V1Volume { Name = "data", EmptyDir = new V1EmptyDirVolumeSource() },
            ],
        },
    };
}
