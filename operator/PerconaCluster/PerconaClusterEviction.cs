using BackendStack.Operator.DataPlane.Galera;
using BackendStack.Operator.PerconaClusters.Policy;
using BackendStack.Operator.Runtime.Events;

namespace BackendStack.Operator.PerconaClusters;

/// <summary>
/// The eviction step of a reconcile: remembers each answering node's group member id, and evicts the ids of nodes
/// whose mariadbd is no longer running (<see cref="EvictionPolicy"/>) through a node of the Primary component, so the
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
            session.LastMembers[node.Pod] = new GaleraMember(node.State!.GcommUuid!, node.ContainerId);
        }

        var survivor = nodes.FirstOrDefault(n => n.State is { Primary: true, ClusterSize: > 1 } && podIps.ContainsKey(n.Pod));
        if (survivor is null)
        {
            return;
        }

        foreach (var (pod, memberId) in EvictionPolicy.ToEvict(nodes, session.LastMembers, session.Evicted))
        {
            var error = await GaleraExecutor.EvictAsync(session, podIps[survivor.Pod], memberId, login, cancellationToken).ConfigureAwait(false);
            if (error is null)
            {
                session.Evicted.Add(memberId);
                metrics.Evictions.WithLabels(resource.Metadata.NamespaceProperty, resource.Metadata.Name).Inc();
                events.Normal(resource, "NodeEvicted", $"{pod} evicted from the Galera group through {survivor.Pod} at once: its mariadbd is gone");
                changes.Add($"evicted {pod} ({memberId})");
            }
            else
            {
                changes.Add($"evicting {pod} failed: {error}");
            }
        }
    }
}
