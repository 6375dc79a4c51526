namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// Picks the master when no sentinel knows one (bootstrap, or every sentinel lost its state):
/// the reachable master most replicas already follow, then the one with the most data, then the
/// first pod. On a fresh set of empty pods that is pod 0.
/// </summary>
internal static class InitialMasterPolicy
{
    public static RedisNodeObservation? Choose(IReadOnlyCollection<RedisNodeObservation> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return nodes
            .Where(n => n.IsMaster)
            .OrderByDescending(m => nodes.Count(n => n.IsReplica && n.Replication!.Master == m.Endpoint))
            .ThenByDescending(m => m.Offset)
            .ThenBy(m => m.Ordinal)
            .FirstOrDefault();
    }
}
