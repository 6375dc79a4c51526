namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>
/// Changes the node count one node at a time: a new cluster starts with ordinal 0 alone; the next node comes only
/// once every node is Synced in a cluster of the current size; scale-down (and pause, down to zero) removes the
/// highest ordinal and waits until the remaining nodes see the smaller cluster. Resuming from a pause starts the
/// node that stopped last (ordinal 0), which holds every write, and grows from there.
/// </summary>
internal static class ScalePolicy
{
    public static ScaleStep Decide(int? current, int desired, IReadOnlyList<GaleraNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (current is not { } replicas)
        {
            return new ScaleStep(Math.Min(desired, 1), null, null);
        }

        if (replicas == desired)
        {
            return new ScaleStep(replicas, null, null);
        }

        if (replicas == 0)
        {
            return new ScaleStep(1, "resuming from ordinal 0, the node that stopped last", null);
        }

        var settled = nodes.Count == replicas && nodes.All(n => n.Synced && n.State!.ClusterSize == replicas);
        if (!settled)
        {
            var lagging = nodes.FirstOrDefault(n => !n.Synced || n.State?.ClusterSize != replicas);
            return new ScaleStep(replicas, null, lagging is null
                ? $"waiting for {replicas} nodes (have {nodes.Count})"
                : $"waiting for {lagging.Pod} to be Synced in a cluster of {replicas}");
        }

        return replicas < desired
            ? new ScaleStep(replicas + 1, $"adding node {replicas} ({replicas + 1} of {desired})", null)
            : new ScaleStep(replicas - 1, $"removing node {replicas - 1} ({replicas - 1} of {desired})", null);
    }
}
