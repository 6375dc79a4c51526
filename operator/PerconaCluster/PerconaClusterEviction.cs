using BackendStack.Operator.DataPlane.Galera;
using BackendStack.Operator.PerconaClusters.Policy;
using BackendStack.Operator.Runtime.Events;

namespace BackendStack.Operator.PerconaClusters;

/// <summary>
/// The eviction step of a reconcile: remembers each answering node's group member id, and evicts the ids of nodes
/// whose mariadbd is gone (<see cref="EvictionPolicy"/>) through every node of the Primary component, so the
/// cluster commits again without waiting for Galera to suspect them.
/// </summary>
internal sealed class PerconaClusterEviction(IEventRecorder events, GaleraMetrics metrics)
{
    public async Task RunAsync(
        Api.PerconaCluster resource, PerconaClusterSession session, IReadOnlyList<GaleraNode> nodes, IReadOnlyDictionary<string, string> podIps,
        GaleraCredentials login, List<string> changes, CancellationToken cancellationToken)
    {
        foreach (var node in nodes.Where(n => n.Running && n.State?.GcommUuid is not null))
        {
            session.LastMembers[node.Pod] = node.State!.GcommUuid!;
        }

        if (session.Evicted.Count > 0 && nodes.Count > 1 && nodes.All(n => n.Synced && n.State!.ClusterSize == nodes.Count))
        {
            // Every node is back in one group: the evicted ids are gone for good, and Galera's evict list is emptied so
            // that it holds only what the next failure adds.
            foreach (var node in nodes.Where(n => podIps.ContainsKey(n.Pod)))
            {
                await GaleraExecutor.ClearEvictionsAsync(session, podIps[node.Pod], login, cancellationToken).ConfigureAwait(false);
            }

            session.Evicted.Clear();
            changes.Add("evict list cleared");
        }

        // Every node of the Primary component evicts: the view change goes ahead as soon as the node that installs views
        // (the one with the smallest member id) drops the dead one, whichever node that is.
        var survivors = nodes.Where(n => n.State is { Primary: true, ClusterSize: > 1 } && podIps.ContainsKey(n.Pod)).ToList();
        if (survivors.Count == 0)
        {
            return;
        }

        foreach (var (pod, memberId) in EvictionPolicy.ToEvict(nodes, session.LastMembers, session.Evicted))
        {
            var errors = await Task.WhenAll(survivors.Select(s => GaleraExecutor.EvictAsync(session, podIps[s.Pod], memberId, login, cancellationToken))).ConfigureAwait(false);
            if (errors.Any(e => e is null))
            {
                session.Evicted.Add(memberId);
                session.LastMembers.Remove(pod);
                metrics.Evictions.WithLabels(resource.Metadata.NamespaceProperty, resource.Metadata.Name).Inc();
                events.Normal(resource, "NodeEvicted", $"{pod} evicted from the Galera group at once: its mariadbd is gone");
                changes.Add($"evicted {pod} ({memberId})");
            }
            else
            {
                changes.Add($"evicting {pod} failed: {errors.First()}");
            }
        }
    }
}
