namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// The last resort when no master answers and Sentinel cannot fail over: the replica holding the
/// most of the replication stream. A replica that never received data is never promoted, since
/// promoting it would make every other replica drop its data.
/// </summary>
internal static class PromotionPolicy
{
    public static RedisNodeObservation? Choose(IReadOnlyCollection<RedisNodeObservation> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Any(n => n.IsMaster))
        {
            return null;
        }

        return nodes
            .Where(n => n.IsReplica && n.Offset > 0)
            .OrderByDescending(n => n.Offset)
            .ThenBy(n => n.Ordinal)
            .FirstOrDefault();
    }
}
