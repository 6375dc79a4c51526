using System.Globalization;
using BackendStack.Operator.DataPlane.Galera;
using BackendStack.Operator.PerconaClusters.Builders;
using BackendStack.Operator.PerconaClusters.Policy;
using BackendStack.Operator.RedisFailovers;
using BackendStack.Operator.Runtime.Events;

namespace BackendStack.Operator.PerconaClusters;

/// <summary>
/// The full-crash step of a reconcile: while no node is Primary in a cluster that has formed, reads each node's
/// position (only then: it costs an exec per node), asks <see cref="RecoveryPolicy"/>, and bootstraps the chosen
/// node once; a bootstrap under way blocks another until a Primary component shows or its grace runs out.
/// </summary>
internal sealed class PerconaClusterRecovery(GaleraExecutor executor, IEventRecorder events, GaleraMetrics metrics, TimeProvider time)
{
    public async Task<(RecoveryDecision Decision, IReadOnlyList<GaleraNode> Nodes)> RunAsync(
        Api.PerconaCluster resource, PerconaClusterSession session, bool formed, int replicas, IReadOnlyList<GaleraNode> nodes,
        IReadOnlyDictionary<string, string> passwords, IReadOnlyDictionary<string, string> podIps, List<string> changes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (nodes.Any(n => n.State?.Primary == true))
        {
            session.PendingBootstrap = null;
            return (RecoveryDecision.None, nodes);
        }

        if (session.PendingBootstrap is { } pending && now - pending.At < PerconaClusterSession.BootstrapGrace)
        {
            return (RecoveryDecision.Wait($"{pending.Pod} is bootstrapping the cluster"), nodes);
        }

        var annotation = resource.Metadata.Annotations?.TryGetValue(RecoveryPolicy.BootstrapFromAnnotation, out var pod) == true ? pod : null;
        var decision = RecoveryPolicy.Decide(resource.Metadata.Name, formed, replicas, nodes, resource.Spec.AutoRecovery, annotation);
        if (decision.NeedsPositions)
        {
            nodes = await executor.ReadPositionsAsync(resource.Metadata.NamespaceProperty, nodes, cancellationToken).ConfigureAwait(false);
            decision = RecoveryPolicy.Decide(resource.Metadata.Name, formed, replicas, nodes, resource.Spec.AutoRecovery, annotation);
        }

        if (decision.Bootstrap is not { } node || decision.Seqno is not { } seqno)
        {
            return (decision, nodes);
        }

        var root = new GaleraCredentials(SystemUsers.Root, passwords[SystemUsers.Root]);
        var error = await executor.BootstrapAsync(resource.Metadata.NamespaceProperty, node, seqno, root, session, podIps.GetValueOrDefault(node.Pod, ""), cancellationToken).ConfigureAwait(false);
        var seqnos = string.Join(", ", nodes.Select(n => $"{n.Pod} {n.Seqno?.ToString(CultureInfo.InvariantCulture) ?? "?"}"));
        if (error is not null)
        {
            events.Warning(resource, "BootstrapFailed", $"bootstrapping from {node.Pod} (seqno {seqno}) failed: {error}");
            return (RecoveryDecision.Wait($"bootstrapping from {node.Pod} failed: {error}"), nodes);
        }

        session.PendingBootstrap = (node.Pod, now);
        session.LastRecovery = new Api.GaleraRecoveryRecord { Time = now.UtcDateTime, BootstrapPod = node.Pod, Seqno = seqno };
        metrics.Recoveries.WithLabels(resource.Metadata.NamespaceProperty, resource.Metadata.Name).Inc();
        events.Step(resource, "ClusterRecovered", true, $"no node was in a Primary component: bootstrapped {node.Pod}, the highest seqno {seqno} (seqnos: {seqnos})");
        changes.Add($"bootstrapped {node.Pod} at seqno {seqno}");
        return (decision, nodes);
    }
}
