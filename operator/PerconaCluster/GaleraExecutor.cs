using BackendStack.Operator.DataPlane.Galera;
using BackendStack.Operator.PerconaClusters.Builders;
using BackendStack.Operator.PerconaClusters.Policy;
using BackendStack.Operator.Runtime.Clients;
using k8s.Models;
using MySqlConnector;

namespace BackendStack.Operator.PerconaClusters;

/// <summary>
/// The data-plane side effects of a reconcile, in one place: status reads of every node (in parallel, a second at
/// most), positions read through pods/exec, the bootstrap of the chosen node, and the user statements.
/// </summary>
internal sealed class GaleraExecutor(PodCommand pods)
{
    private static readonly TimeSpan ExecTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Each pod's status read: as operator, or as root until the system users exist (UsedRoot).</summary>
    public static async Task<(IReadOnlyList<GaleraNode> Nodes, bool UsedRoot)> ObserveAsync(
        PerconaClusterSession session, PerconaClusterNames names, IReadOnlyList<V1Pod> podList, IReadOnlyDictionary<string, string> passwords, CancellationToken cancellationToken)
    {
        var operatorLogin = new GaleraCredentials(SystemUsers.Operator, passwords[SystemUsers.Operator]);
        var rootLogin = new GaleraCredentials(SystemUsers.Root, passwords[SystemUsers.Root]);
        var reads = podList.Select(async pod =>
        {
            var usedRoot = false;
            var running = pod.Status?.ContainerStatuses?.FirstOrDefault(c => c.Name == StatefulSetBuilder.ContainerName)?.State?.Running is not null;
            GaleraNodeState? state = null;
            if (pod.Status?.PodIP is { Length: > 0 } ip && running)
            {
                var client = session.Client(ip);
                state = await client.ReadStateAsync(operatorLogin, cancellationToken).ConfigureAwait(false);
                if (state.Error == GaleraNodeClient.AccessDenied)
                {
                    var asRoot = await client.ReadStateAsync(rootLogin, cancellationToken).ConfigureAwait(false);
                    if (asRoot.Reachable)
                    {
                        usedRoot = true;
                        state = asRoot;
                    }
                }
            }

            var node = new GaleraNode(pod.Metadata.Name, names.OrdinalOf(pod.Metadata.Name) ?? -1, running, Runtime.PodReadiness.IsReady(pod),
                pod.Metadata.Labels?.TryGetValue("controller-revision-hash", out var revision) == true ? revision : null, state);
            return (Node: node, UsedRoot: usedRoot);
        });
        var read = await Task.WhenAll(reads).ConfigureAwait(false);
        return ([.. read.Select(r => r.Node).OrderBy(n => n.Ordinal)], read.Any(r => r.UsedRoot));
    }

    /// <summary>The recorded position of every node that does not answer (seqno.sh through pods/exec); unknown when the exec fails.</summary>
    public async Task<IReadOnlyList<GaleraNode>> ReadPositionsAsync(string ns, IReadOnlyList<GaleraNode> nodes, CancellationToken cancellationToken)
    {
        var reads = nodes.Select(async node =>
        {
            if (node.State?.Reachable == true || !node.Running)
            {
                return node;
            }

            try
            {
                var result = await pods.RunAsync(ns, node.Pod, StatefulSetBuilder.ContainerName,
                    ["sh", $"{PerconaClusterNames.ConfigDirectory}/{PerconaClusterNames.PositionScriptKey}"], ExecTimeout, cancellationToken).ConfigureAwait(false);
                if (result.ExitCode == 0)
                {
                    var position = NodePosition.Parse(node.Ordinal, result.Stdout);
                    return node with { Position = position, PositionError = position.Seqno is null ? "no position recorded yet" : null };
                }

                return node with { Position = new GaleraNodeSeqno(node.Ordinal, null, false), PositionError = $"seqno.sh exited with {result.ExitCode}: {result.Stderr.Trim()}" };
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return node with { Position = new GaleraNodeSeqno(node.Ordinal, null, false), PositionError = $"{e.GetType().Name}: {e.Message}" };
            }
        });
        return await Task.WhenAll(reads).ConfigureAwait(false);
    }

    /// <summary>
    /// Evicts a dead node's group member id through one node of the Primary component (<c>evs.evict</c>: the group
    /// installs a view without it at once, instead of after evs.suspect_timeout). Returns the error, or null.
    /// </summary>
    public static async Task<string?> EvictAsync(PerconaClusterSession session, string survivorHost, string memberId, GaleraCredentials root, CancellationToken cancellationToken)
    {
        if (!Policy.EvictionPolicy.IsMemberId(memberId))
        {
            return $"'{memberId}' is not a member id";
        }

        try
        {
            await session.Client(survivorHost).ExecuteAsync(root, $"SET GLOBAL wsrep_provider_options = 'evs.evict={memberId}'", null, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is MySqlConnector.MySqlException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            return e.Message;
        }
    }

    /// <summary>Empties one node's evict list (<c>evs.evict</c> set to nothing). Returns the error, or null.</summary>
    public static async Task<string?> ClearEvictionsAsync(PerconaClusterSession session, string host, GaleraCredentials root, CancellationToken cancellationToken)
    {
        try
        {
            await session.Client(host).ExecuteAsync(root, "SET GLOBAL wsrep_provider_options = 'evs.evict='", null, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is MySqlConnector.MySqlException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Makes <paramref name="node"/> the new Primary component: a running node is told so (pc.bootstrap); one that waits
    /// for a Primary component is restarted as the bootstrap node by bootstrap.sh, which refuses when its recorded
    /// seqno is no longer <paramref name="seqno"/>. Returns the error, or null.
    /// </summary>
    public async Task<string?> BootstrapAsync(string ns, GaleraNode node, long seqno, GaleraCredentials root, PerconaClusterSession session, string host, CancellationToken cancellationToken)
    {
        try
        {
            if (node.State?.Reachable == true)
            {
                await session.Client(host).ExecuteAsync(root, "SET GLOBAL wsrep_provider_options = 'pc.bootstrap=YES'", null, cancellationToken).ConfigureAwait(false);
                return null;
            }

            var result = await pods.RunAsync(ns, node.Pod, StatefulSetBuilder.ContainerName,
                ["sh", $"{PerconaClusterNames.ConfigDirectory}/{PerconaClusterNames.BootstrapScriptKey}", seqno.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                ExecTimeout, cancellationToken).ConfigureAwait(false);
            return result.ExitCode == 0 ? null : $"bootstrap.sh exited with {result.ExitCode}: {result.Stderr.Trim()}";
        }
        catch (Exception e) when (e is MySqlException or IOException or TimeoutException or k8s.Autorest.HttpOperationException or System.Net.WebSockets.WebSocketException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return e.Message;
        }
    }

    /// <summary>Runs the statements in order on one node; stops at the first that fails and returns its error.</summary>
    public static async Task<(int Done, string? Error)> RunAsync(GaleraNodeClient client, GaleraCredentials login, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var statement in statements)
        {
            try
            {
                await client.ExecuteAsync(login, statement.Sql, statement.Parameters, cancellationToken).ConfigureAwait(false);
                done++;
            }
            catch (Exception e) when (e is MySqlException or TimeoutException or InvalidOperationException)
            {
                return (done, $"{statement.Description}: {e.Message}");
            }
        }

        return (done, null);
    }

    /// <summary>The application users as the cluster holds them (system tables only).</summary>
    public static async Task<DatabaseUsers> ReadUsersAsync(GaleraNodeClient client, GaleraCredentials login, CancellationToken cancellationToken)
    {
        var users = await client.QueryAsync(login, "SELECT User FROM mysql.user WHERE Host = '%' AND is_role = 'N'", cancellationToken).ConfigureAwait(false);
        var role = await client.QueryAsync(login, $"SELECT User FROM mysql.user WHERE User = '{UserPlanner.ManagedRole}' AND is_role = 'Y'", cancellationToken).ConfigureAwait(false);
        var managed = await client.QueryAsync(login, $"SELECT User FROM mysql.roles_mapping WHERE Role = '{UserPlanner.ManagedRole}' AND Host = '%'", cancellationToken).ConfigureAwait(false);
        var grants = await client.QueryAsync(login, "SELECT User, Db FROM mysql.db WHERE Host = '%'", cancellationToken).ConfigureAwait(false);
        var databases = await client.QueryAsync(login, "SHOW DATABASES", cancellationToken).ConfigureAwait(false);
        return new DatabaseUsers(
            users.Select(u => u.First).ToHashSet(StringComparer.Ordinal),
            managed.Select(u => u.First).ToHashSet(StringComparer.Ordinal),
            grants.Where(g => g.Second is not null).Select(g => (g.First, g.Second!)).ToHashSet(),
            databases.Select(d => d.First).ToHashSet(StringComparer.Ordinal),
            role.Count > 0);
    }
}
