using BackendStack.Operator.Api;
using BackendStack.Operator.DataPlane.Galera;
using BackendStack.Operator.PerconaClusters.Builders;
using BackendStack.Operator.PerconaClusters.Policy;
using BackendStack.Operator.PerconaClusters.Status;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Clients;
using BackendStack.Operator.Runtime.Events;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.PerconaClusters;

/// <summary>
/// Reconciles one PerconaCluster: validates, keeps the Secrets and children as the builders describe, reads every
/// node's Galera state, scales and rolls one node at a time, recovers from a full crash, keeps the users as the spec
/// says, and writes the computed status when it changed. The check repeats every second while anything is off
/// (so status follows an eviction within a second of Galera's own) and every 5 s otherwise; pod changes wake it at once.
/// </summary>
internal sealed partial class PerconaClusterReconciler(
    PerconaClusterResources kinds, PerconaClusterSessions sessions, GaleraExecutor executor, IEventRecorder events, GaleraMetrics metrics,
    IResourceClient<V1PersistentVolumeClaim> claims, TimeProvider time, ILogger<PerconaClusterReconciler> logger) : IReconciler
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan SettlingInterval = TimeSpan.FromSeconds(1);

    /// <summary>The largest size the schema allows: the claims of every ordinal below it are deleted with the cluster (storage.deletePolicy: Delete).</summary>
    private const int MaxNodes = 9;

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var resource = kinds.Clusters.Cache.Get(key);
        if (resource is null)
        {
            sessions.Remove(key);
            return ReconcileResult.Done;
        }

        // Children go with their owner; the PVCs carry no owner reference and stay unless storage.deletePolicy: Delete.
        var cleanup = new StatefulSetClaimCleanup<PerconaCluster>(kinds.Clusters.Client, kinds.StatefulSets.Client, claims);
        if (resource.Metadata.DeletionTimestamp is not null)
        {
            sessions.Remove(key);
            return await cleanup.RunAsync(resource, new PerconaClusterNames(resource.Metadata.Name).StatefulSet, "datadir", MaxNodes, [], cancellationToken).ConfigureAwait(false)
                ? ReconcileResult.Done
                : ReconcileResult.After(TimeSpan.FromSeconds(2));
        }

        resource = await cleanup.EnsureFinalizerAsync(resource, resource.Spec.Storage?.DeletePolicy == DeletePolicy.Delete, cancellationToken).ConfigureAwait(false);

        var session = sessions.Get(key, resource.Metadata.Uid);
        var names = new PerconaClusterNames(resource.Metadata.Name);
        var ns = resource.Metadata.NamespaceProperty;
        var changes = new List<string>();
        var children = new PerconaClusterChildren(kinds, resource, changes);
        var (nodeConfig, configErrors) = NodeConfigBuilder.Build(resource);
        var errors = configErrors.Concat(UserSpecValidation.Check(resource)).ToList();
        var pods = Pods(resource);
        IReadOnlyList<GaleraNode> nodes = [];
        ScaleStep? scale = null;
        var recovery = RecoveryDecision.None;
        var rolling = false;
        if (errors.Count == 0)
        {
            var (passwords, secretError) = await children.EnsureSystemPasswordsAsync(cancellationToken).ConfigureAwait(false);
            if (passwords is null)
            {
                errors.Add(secretError!);
            }
            else
            {
                (nodes, scale, recovery, rolling) = await RunAsync(resource, session, names, children, nodeConfig, pods, passwords, errors, changes, cancellationToken).ConfigureAwait(false);
            }
        }

        var status = ClusterStatusCalculator.Compute(new ClusterStatusInput(resource, nodes, errors, scale, rolling, recovery, session.LastRecovery, time.GetUtcNow().UtcDateTime));
        RecordNodeEvents(resource, session, nodes);
        Observe(resource, nodes);
        if (await StatusWriter.WriteIfChangedAsync(kinds.Clusters.Client, kinds.Clusters.Cache, resource, status, r => r.Status, (r, s) => r.Status = s, cancellationToken).ConfigureAwait(false))
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

        var settled = status.Phase is Phase.Ready or Phase.Paused && !rolling && recovery == RecoveryDecision.None;
        return errors.Count > 0 ? ReconcileResult.After(TimeSpan.FromSeconds(30)) : ReconcileResult.After(settled ? CheckInterval : SettlingInterval);
    }

    private async Task<(IReadOnlyList<GaleraNode>, ScaleStep, RecoveryDecision, bool)> RunAsync(
        PerconaCluster resource, PerconaClusterSession session, PerconaClusterNames names, PerconaClusterChildren children, NodeConfig nodeConfig, IReadOnlyList<V1Pod> pods,
        IReadOnlyDictionary<string, string> passwords, List<Builders.SpecError> errors, List<string> changes, CancellationToken cancellationToken)
    {
        var ns = resource.Metadata.NamespaceProperty;
        var (nodes, usedRoot) = await GaleraExecutor.ObserveAsync(session, names, pods, passwords, cancellationToken).ConfigureAwait(false);
        var ips = pods.Where(p => p.Status?.PodIP is not null).ToDictionary(p => p.Metadata.Name, p => p.Status.PodIP, StringComparer.Ordinal);
        await new PerconaClusterEviction(events, metrics).RunAsync(
            resource, session, nodes, ips, new GaleraCredentials(SystemUsers.Root, passwords[SystemUsers.Root]), changes, cancellationToken).ConfigureAwait(false);
        var anyPrimary = nodes.Any(n => n.State?.Primary == true);
        var newCluster = children.NewClusterRecorded() is { } recorded ? recorded && !anyPrimary : !await HoldsDataAsync(names, ns, cancellationToken).ConfigureAwait(false);
        var statefulSet = kinds.StatefulSets.Get(ns, names.StatefulSet);
        var scale = ScalePolicy.Decide(statefulSet?.Spec.Replicas, resource.Spec.Pause ? 0 : resource.Spec.Size, nodes);
        statefulSet = await children.ApplyAsync(nodeConfig, scale.Replicas, newCluster, cancellationToken).ConfigureAwait(false);
        if (scale.Change is { } change)
        {
            events.Normal(resource, scale.Replicas > (statefulSet.Status?.Replicas ?? 0) ? "ScaledUp" : "ScaledDown", change);
        }

        var (recovery, observed) = await new PerconaClusterRecovery(executor, events, metrics, time)
            .RunAsync(resource, session, !newCluster, scale.Replicas, nodes, passwords, ips, changes, cancellationToken).ConfigureAwait(false);
        nodes = observed;

        if (nodes.FirstOrDefault(n => n.Synced) is { } synced)
        {
            var (users, userErrors) = await children.EnsureApplicationUsersAsync(cancellationToken).ConfigureAwait(false);
            errors.AddRange(userErrors);
            var failure = await new PerconaClusterUsers(events).RunAsync(
                resource, session, session.Client(ips[synced.Pod]), usedRoot, passwords, users, time.GetUtcNow(), changes, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                changes.Add($"users: {failure}");
            }
        }

        var rolling = RollPolicy.Pending(statefulSet.Status?.UpdateRevision, nodes);
        await new PerconaClusterRoll(kinds, children, events, time).RunAsync(
            resource, statefulSet.Status?.UpdateRevision, scale.Replicas, recovery == RecoveryDecision.None && scale.Change is null, nodes, pods, cancellationToken).ConfigureAwait(false);

        return (nodes, scale, recovery, rolling);
    }

    /// <summary>Whether the claim of ordinal 0 exists (a cluster recreated over kept PVCs): its nodes then join, never start a new cluster.</summary>
    private async Task<bool> HoldsDataAsync(PerconaClusterNames names, string ns, CancellationToken cancellationToken) =>
        await kinds.Pods.Client.GetAsync(ns, names.Pod(0), cancellationToken).ConfigureAwait(false) is not null
        || await claims.GetAsync(ns, names.Claim(0), cancellationToken).ConfigureAwait(false) is not null;

    private void RecordNodeEvents(PerconaCluster resource, PerconaClusterSession session, IReadOnlyList<GaleraNode> nodes)
    {
        var now = nodes.Where(n => n.Synced).Select(n => n.Pod).ToHashSet(StringComparer.Ordinal);
        if (session.PreviouslySynced is { } before)
        {
            foreach (var pod in now.Except(before).Order(StringComparer.Ordinal))
            {
                events.Normal(resource, "NodeJoined", $"{pod} is Synced in the Primary component");
            }

            foreach (var pod in before.Except(now).Order(StringComparer.Ordinal))
            {
                var node = nodes.FirstOrDefault(n => n.Pod == pod);
                events.Warning(resource, "NodeLeft", $"{pod} left the Synced nodes: {(node is null ? "its pod is gone" : node.State?.StateComment ?? node.State?.Error ?? "not running")}");
            }
        }

        session.PreviouslySynced = now;
    }

    private void Observe(PerconaCluster resource, IReadOnlyList<GaleraNode> nodes)
    {
        var labels = new[] { resource.Metadata.NamespaceProperty, resource.Metadata.Name };
        metrics.ClusterSize.WithLabels(labels).Set(nodes.Max(n => n.State?.ClusterSize) ?? 0);
        metrics.NodesSynced.WithLabels(labels).Set(nodes.Count(n => n.Synced));
        metrics.FlowControlPaused.WithLabels(labels).Set(nodes.Max(n => n.State?.FlowControlPaused) ?? 0);
    }

    private List<V1Pod> Pods(PerconaCluster resource) =>
        [.. kinds.Pods.Cache.List(resource.Metadata.NamespaceProperty)
            .Where(p => p.Metadata.DeletionTimestamp is null && PerconaClusterLabels.InstanceOf(p) == resource.Metadata.Name)
            .OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)];

    [LoggerMessage(Level = LogLevel.Information, Message = "perconacluster {Namespace}/{Name}: {Changes}")]
    private static partial void LogReconciled(ILogger logger, string @namespace, string name, string changes);
}
