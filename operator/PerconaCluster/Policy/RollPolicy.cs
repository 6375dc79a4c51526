namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>
/// Rolls nodes onto a changed template (image, resources, node.cnf) one at a time, highest ordinal first and the nodes a
/// ProxySQL writes to last, each only once every node is Synced in a cluster of full size again. Returns the pod to
/// delete (the StatefulSet recreates it from the new template), or null.
/// </summary>
internal static class RollPolicy
{
    public static GaleraNode? NextToRoll(string? updateRevision, int replicas, IReadOnlyList<GaleraNode> nodes, IReadOnlySet<string> writers)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(writers);
        if (updateRevision is null || nodes.Count != replicas || !nodes.All(n => n.Synced && n.PodReady && n.State!.ClusterSize == replicas))
        {
            return null;
        }

        return nodes.Where(n => n.Revision is not null && n.Revision != updateRevision).OrderBy(n => writers.Contains(n.Pod)).ThenByDescending(n => n.Ordinal).FirstOrDefault();
    }

    /// <summary>Whether some node still runs an older template.</summary>
    public static bool Pending(string? updateRevision, IReadOnlyList<GaleraNode> nodes) =>
        updateRevision is not null && nodes.Any(n => n.Revision is not null && n.Revision != updateRevision);
}
