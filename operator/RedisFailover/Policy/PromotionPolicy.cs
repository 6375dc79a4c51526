namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// The last resort when no master answers and Sentinel cannot fail over: the replica holding the
/// most of the replication stream (also chosen over a master nobody follows that holds less). A
/// replica that never received data is never promoted, since promoting it would make every other
/// replica drop its data.
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

        return Richest(nodes);
    }

    /// <summary>
    /// A replica holding more of the stream than <paramref name="master"/>, a master that no replica follows (an
    /// empty or stale pod that came back as master): following that master would make the replica drop its data.
    /// Null when replicas follow the master (it is the live one) or none holds more.
    /// </summary>
    public static RedisNodeObservation? RicherThan(RedisNodeObservation master, IReadOnlyCollection<RedisNodeObservation> nodes)
    {
        ArgumentNullException.ThrowIfNull(master);
        ArgumentNullException.ThrowIfNull(nodes);
        var followed = master.Replication!.ConnectedReplicas > 0 || nodes.Any(n => n.IsReplica && n.Replication!.Master == master.Endpoint);
        return !followed && Richest(nodes) is { } richest && richest.Offset > master.Offset ? richest : null;
    }

    private static RedisNodeObservation? Richest(IReadOnlyCollection<RedisNodeObservation> nodes) => nodes
        .Where(n => n.IsReplica && n.Offset > 0)
        .OrderByDescending(n => n.Offset)
        .ThenBy(n => n.Ordinal)
        .FirstOrDefault();
}
