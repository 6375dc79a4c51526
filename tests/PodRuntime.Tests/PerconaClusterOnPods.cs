using BackendStack.Operator.Api;
using k8s;
using k8s.Models;
using MySqlConnector;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// The one PerconaCluster the Galera Pod scenarios run ("db" in "shop", one application user "shop" owning the
/// database "shop") on an <see cref="OperatorOnLocalPods"/>: create, change and read it, and reach its nodes.
/// </summary>
internal static class PerconaClusterOnPods
{
    public const string Ns = "shop";
    public const string Name = "db";

    /// <summary>Bootstrapping 3 nodes one at a time, each with an rsync state transfer, on a busy 2-core machine.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(180);

    public static Task<OperatorOnLocalPods> StartAsync() => OperatorOnLocalPods.StartAsync(Ns, restartDelay: null);

    public static async Task<PerconaCluster> CreateReadyAsync(OperatorOnLocalPods stack, int size = 3, Action<PerconaClusterSpec>? spec = null)
    {
        var resource = new PerconaCluster { Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Ns } };
        resource.Spec.Size = size;
        resource.Spec.Storage = new StorageSpec { Size = "1Gi" };
        resource.Spec.MysqlConfig = "innodb_buffer_pool_size = 32M\ninnodb_log_file_size = 16M\nperformance_schema = OFF";
        resource.Spec.Users = [new PerconaClusterUser { Name = "shop", Databases = ["shop"] }];
        spec?.Invoke(resource.Spec);
        await stack.Client.CustomObjects.CreateNamespacedCustomObjectAsync(resource, PerconaCluster.Group, PerconaCluster.Version, Ns, PerconaCluster.Plural);
        return await ReadyAsync(stack, size);
    }

    public static Task<PerconaCluster> GetAsync(Kubernetes client) =>
        client.CustomObjects.GetNamespacedCustomObjectAsync<PerconaCluster>(PerconaCluster.Group, PerconaCluster.Version, Ns, PerconaCluster.Plural, Name);

    public static Task PatchSpecAsync(Kubernetes client, object spec) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(new { spec }, V1Patch.PatchType.MergePatch), PerconaCluster.Group, PerconaCluster.Version, Ns, PerconaCluster.Plural, Name);

    /// <summary>Waits for the Ready condition with <paramref name="size"/> nodes Synced in one Primary component.</summary>
    public static Task<PerconaCluster> ReadyAsync(OperatorOnLocalPods stack, int size, Func<PerconaCluster, bool>? and = null) =>
        Eventually.ValueAsync(() => GetAsync(stack.Client),
            c => c.Status is { Phase: Phase.Ready, PrimaryComponent: true } s && s.Synced == size && s.Size == size
                 && s.Conditions?.Any(x => x.Type == "Ready" && x.Status == "True") == true && (and?.Invoke(c) ?? true),
            $"Ready with {size} Synced nodes", WaitLimit, () => stack.LogTail() + "\n" + NodeLogs(stack));

    public static async Task<string> PodIpAsync(Kubernetes client, int ordinal) =>
        (await client.CoreV1.ReadNamespacedPodAsync($"{Name}-pxc-{ordinal}", Ns)).Status.PodIP;

    public static async Task<string> SecretValueAsync(Kubernetes client, string secret, string key) =>
        System.Text.Encoding.UTF8.GetString((await client.CoreV1.ReadNamespacedSecretAsync(secret, Ns)).Data[key]);

    /// <summary>A connection to one node as <paramref name="user"/> (root by default, its password from the cluster's Secret).</summary>
    public static async Task<MySqlConnection> ConnectAsync(Kubernetes client, int ordinal, string user = "root", string? password = null, string? database = null)
    {
        password ??= await SecretValueAsync(client, $"{Name}-secrets", user);
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder
        {
            Server = await PodIpAsync(client, ordinal),
            UserID = user,
            Password = password,
            Database = database ?? "",
            Pooling = false,
            ConnectionTimeout = 5,
            SslMode = MySqlSslMode.None,
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<object?> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The last lines of every node's log, for failure messages.</summary>
    public static string NodeLogs(OperatorOnLocalPods stack)
    {
        var lines = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            try
            {
                using var reader = new StreamReader(stack.Client.CoreV1.ReadNamespacedPodLog($"{Name}-pxc-{i}", Ns, "pxc", tailLines: 15));
                lines.Add($"--- {Name}-pxc-{i}\n{reader.ReadToEnd()}");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // No such pod.
            }
        }

        return string.Join('\n', lines);
    }
}
