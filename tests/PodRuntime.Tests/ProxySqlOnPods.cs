using BackendStack.Operator.Api;
using k8s;
using k8s.Models;
using MySqlConnector;
using static BackendStack.PodRuntime.Tests.PerconaClusterOnPods;

namespace BackendStack.PodRuntime.Tests;

/// <summary>The ProxySQL "proxy" in front of <see cref="PerconaClusterOnPods"/>' cluster: create it, wait for it, and reach its pods' two interfaces.</summary>
internal static class ProxySqlOnPods
{
    public const string Proxy = "proxy";

    public static async Task<ProxySQL> CreateProxyReadyAsync(OperatorOnLocalPods stack, int replicas = 2)
    {
        var resource = new ProxySQL { Metadata = new V1ObjectMeta { Name = Proxy, NamespaceProperty = Ns } };
        resource.Spec.ClusterRef = new LocalObjectReference { Name = Name };
        resource.Spec.Replicas = replicas;
        await stack.Client.CustomObjects.CreateNamespacedCustomObjectAsync(resource, ProxySQL.Group, ProxySQL.Version, Ns, ProxySQL.Plural);
        return await ProxyReadyAsync(stack);
    }

    public static Task<ProxySQL> GetProxyAsync(OperatorOnLocalPods stack) =>
        stack.Client.CustomObjects.GetNamespacedCustomObjectAsync<ProxySQL>(ProxySQL.Group, ProxySQL.Version, Ns, ProxySQL.Plural, Proxy);

    public static async Task<string> ProxyPodIpAsync(OperatorOnLocalPods stack, int ordinal) =>
        (await stack.Client.CoreV1.ReadNamespacedPodAsync($"{Proxy}-proxysql-{ordinal}", Ns)).Status.PodIP;

    public static Task<ProxySQL> ProxyReadyAsync(OperatorOnLocalPods stack) =>
        Eventually.ValueAsync(
            () => GetProxyAsync(stack),
            p => p.Status is { Phase: Phase.Ready, Writer: not null } s && s.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true,
            "ProxySQL proxy Ready with a writer", TimeSpan.FromSeconds(120), () => stack.LogTail());

    public static async Task<MySqlConnection> ConnectThroughProxyAsync(string ip, string password, string user = "shop")
    {
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder
        {
            Server = ip,
            Port = 6033,
            UserID = user,
            Password = password,
            Database = "shop",
            Pooling = false,
            ConnectionTimeout = 5,
            DefaultCommandTimeout = 15,
            SslMode = MySqlSslMode.None,
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Each admin module's checksum version: every LOAD ... TO RUNTIME moves it.</summary>
    public static Task<string> ChecksumsAsync(OperatorOnLocalPods stack, string proxyIp) =>
        AdminQueryAsync(stack, proxyIp, "SELECT name, version, epoch, checksum FROM runtime_checksums_values ORDER BY name");

    /// <summary>The rows of an admin query, one line each, columns separated by spaces.</summary>
    public static async Task<string> AdminQueryAsync(OperatorOnLocalPods stack, string proxyIp, string sql)
    {
        await using var admin = new MySqlConnection(new MySqlConnectionStringBuilder
        {
            Server = proxyIp,
            Port = 6032,
            UserID = "operator",
            Password = System.Text.Encoding.UTF8.GetString((await stack.Client.CoreV1.ReadNamespacedSecretAsync($"{Proxy}-proxysql-admin", Ns)).Data["operator-password"]),
            Pooling = false,
            SslMode = MySqlSslMode.None,
        }.ConnectionString);
        await admin.OpenAsync();
        await using var command = new MySqlCommand(sql, admin);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        }

        return string.Join("\n", rows);
    }
}
