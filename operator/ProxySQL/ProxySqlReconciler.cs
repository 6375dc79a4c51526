using BackendStack.Operator.Api;
using BackendStack.Operator.PerconaClusters.Builders;
using BackendStack.Operator.ProxySQLs.Admin;
using BackendStack.Operator.ProxySQLs.Builders;
using BackendStack.Operator.ProxySQLs.Status;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Events;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.ProxySQLs;

/// <summary>
/// Reconciles one ProxySQL: keeps the admin Secret and children as the builders describe, brings every pod's admin
/// configuration to the desired one (servers from the PerconaCluster's pods, users from its spec and Secrets, query rules,
/// variables), takes a node the cluster shows not Synced out of the writer hostgroup, and writes the computed status when
/// it changed. The check repeats every second while anything is off and every 2 s otherwise; changes of the cluster or
/// of either side's pods wake it at once.
/// </summary>
internal sealed partial class ProxySqlReconciler(
    ProxySqlResources kinds, ProxySqlSessions sessions, IEventRecorder events, ProxySqlMetrics metrics, TimeProvider time, ILogger<ProxySqlReconciler> logger) : IReconciler
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan SettlingInterval = TimeSpan.FromSeconds(1);

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var resource = kinds.Proxies.Cache.Get(key);
        if (resource is null || resource.Metadata.DeletionTimestamp is not null)
        {
            sessions.Remove(key);
            return ReconcileResult.Done;
        }

        var session = sessions.Get(key, resource.Metadata.Uid);
        var ns = resource.Metadata.NamespaceProperty;
        var changes = new List<string>();
        var children = new ProxySqlChildren(kinds, resource, changes);
        var rules = QueryRulesBuilder.Build(resource.Spec);
        var errors = rules.Errors;
        string? waiting = null;
        IReadOnlyList<ProxySqlPodState> pods = [];
        IReadOnlyList<ServerRow> servers = [];
        var cluster = kinds.Clusters.Get(ns, resource.Spec.ClusterRef.Name);
        if (cluster is null)
        {
            waiting = $"PerconaCluster {resource.Spec.ClusterRef.Name} does not exist";
        }
        else
        {
            var clusterSecret = new PerconaClusterNames(cluster.Metadata.Name).Secret(cluster);
            var monitor = await children.SecretValueAsync(clusterSecret, SystemUsers.Monitor, cancellationToken).ConfigureAwait(false);
            var operatorPassword = await children.EnsureOperatorPasswordAsync(cancellationToken).ConfigureAwait(false);
            if (monitor is null || operatorPassword is null)
            {
                waiting = monitor is null ? $"Secret {clusterSecret} of PerconaCluster {cluster.Metadata.Name} has no '{SystemUsers.Monitor}' key yet"
                    : $"Secret {new ProxySqlNames(resource.Metadata.Name).AdminSecret} has no '{ProxySqlNames.OperatorPasswordKey}' key";
            }
            else
            {
                await children.ApplyAsync(clusterSecret, SystemUsers.ProxyAdmin, cancellationToken).ConfigureAwait(false);
                var users = await UsersAsync(children, cluster, cancellationToken).ConfigureAwait(false);
                var desired = AdminConfigBuilder.Build(resource.Spec, BackendNodes.From(cluster, kinds.ClusterPods.Cache.List(ns)), users, monitor, rules);
                RecordBackends(resource, session, desired.Servers);
                var (states, observed, written) = await new ProxySqlConfigurer(session, operatorPassword, (pod, pool) => ObservePool(resource, pod, pool)).RunAsync(OwnPods(resource), desired, cancellationToken).ConfigureAwait(false);
                (pods, servers) = (states, observed);
                if (written.Count > 0)
                {
                    metrics.AdminWrites.WithLabels(ns, key.Name).Inc(written.Count);
                    events.Normal(resource, "Configured", string.Join("; ", written));
                    changes.AddRange(written);
                }
            }
        }

        var status = ProxySqlStatusCalculator.Compute(new ProxySqlStatusInput(resource, errors, waiting, pods, servers, time.GetUtcNow().UtcDateTime));
        RecordWriter(resource, session, status);
        metrics.BackendsOnline.WithLabels(ns, key.Name).Set(servers.Where(s => s.Status == ServerRow.Online).Select(s => s.Address).Distinct().Count());
        metrics.PodsConfigured.WithLabels(ns, key.Name).Set(pods.Count(p => p.Configured));
        if (await StatusWriter.WriteIfChangedAsync(kinds.Proxies.Client, kinds.Proxies.Cache, resource, status, r => r.Status, (r, s) => r.Status = s, cancellationToken).ConfigureAwait(false))
        {
            changes.Add($"status {status.Phase}");
            if (errors.Count > 0 && !StatusWriter.AreEqual(resource.Status?.Conditions, status.Conditions))
            {
                events.Warning(resource, ConditionReasons.InvalidSpec, string.Join("; ", errors));
            }
        }

        if (changes.Count > 0)
        {
            var summary = string.Join("; ", changes);
            LogReconciled(logger, ns, key.Name, summary);
        }

        return ReconcileResult.After(status.Phase == Phase.Ready ? CheckInterval : SettlingInterval);
    }

    /// <summary>The cluster's application users whose Secret holds a password (a Secret not written yet leaves its user out until it is).</summary>
    private static async Task<List<(string User, string Password)>> UsersAsync(ProxySqlChildren children, PerconaCluster cluster, CancellationToken cancellationToken)
    {
        var users = new List<(string, string)>();
        foreach (var user in cluster.Spec.Users ?? [])
        {
            var password = await children.SecretValueAsync(PerconaClusterUserSecrets.NameOf(cluster.Metadata.Name, user), "password", cancellationToken).ConfigureAwait(false);
            if (password is not null)
            {
                users.Add((user.Name, password));
            }
        }

        return users;
    }

    private void RecordWriter(Api.ProxySQL resource, ProxySqlSession session, ProxySQLStatus status)
    {
        if (status.Writer is { } settling && settling.Split(',').Length > resource.Spec.Writers.MaxWriters)
        {
            return; // every node is a writer until the Galera monitor's first check after a LOAD
        }

        var previous = session.PreviousWriter ?? resource.Status?.Writer;
        if (status.Writer is { } writer && previous is not null && previous != writer)
        {
            events.Normal(resource, "WriterChanged", $"writer moved from {previous} to {writer}");
            metrics.WriterChanges.WithLabels(resource.Metadata.NamespaceProperty, resource.Metadata.Name).Inc();
        }

        session.PreviousWriter = status.Writer ?? session.PreviousWriter;
    }

    private void RecordBackends(Api.ProxySQL resource, ProxySqlSession session, IReadOnlyList<ServerRow> servers)
    {
        var now = servers.Select(s => $"{s.Comment} ({s.Address})").ToHashSet(StringComparer.Ordinal);
        if (session.PreviousBackends is { } before)
        {
            foreach (var added in now.Except(before).Order(StringComparer.Ordinal))
            {
                events.Normal(resource, "BackendAdded", $"{added} added to mysql_servers");
            }

            foreach (var removed in before.Except(now).Order(StringComparer.Ordinal))
            {
                events.Normal(resource, "BackendRemoved", $"{removed} removed from mysql_servers");
            }
        }

        session.PreviousBackends = now;
    }

    private void ObservePool(Api.ProxySQL resource, string pod, IReadOnlyList<PoolRow> pool)
    {
        foreach (var row in pool)
        {
            string[] labels = [resource.Metadata.NamespaceProperty, resource.Metadata.Name, pod, row.Hostgroup.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Host];
            metrics.PoolConnections.WithLabels([.. labels, "used"]).Set(row.ConnUsed);
            metrics.PoolConnections.WithLabels([.. labels, "free"]).Set(row.ConnFree);
            metrics.PoolConnectionErrors.WithLabels(labels).Set(row.ConnErr);
            metrics.QueriesRouted.WithLabels(labels).Set(row.Queries);
            metrics.PoolLatency.WithLabels(labels).Set(row.LatencyMicroseconds / 1e6);
        }
    }

    private List<V1Pod> OwnPods(Api.ProxySQL resource) =>
        [.. kinds.Pods.Cache.List(resource.Metadata.NamespaceProperty)
            .Where(p => p.Metadata.DeletionTimestamp is null && ProxySqlLabels.InstanceOf(p) == resource.Metadata.Name)
            .OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)];

    [LoggerMessage(Level = LogLevel.Information, Message = "proxysql {Namespace}/{Name}: {Changes}")]
    private static partial void LogReconciled(ILogger logger, string @namespace, string name, string changes);
}
