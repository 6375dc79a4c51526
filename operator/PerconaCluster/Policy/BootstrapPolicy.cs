namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>
/// Picks the node that bootstraps a cluster after a full crash: the highest seqno, ties broken by
/// safe_to_bootstrap, then the lowest ordinal. No choice while any node is still Primary, or while
/// the seqno of some node is unknown (bootstrapping then could lose that node's newer writes).
/// </summary>
internal static class BootstrapPolicy
{
    public static GaleraNodeSeqno? ChooseAfterFullCrash(IReadOnlyCollection<GaleraNodeSeqno> nodes, bool anyPrimary)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (anyPrimary || nodes.Count == 0 || nodes.Any(n => n.Seqno is null))
        {
            return null;
        }

        return nodes
            .OrderByDescending(n => n.Seqno)
            .ThenByDescending(n => n.SafeToBootstrap)
            .ThenBy(n => n.Ordinal)
            .First();
    }
}
