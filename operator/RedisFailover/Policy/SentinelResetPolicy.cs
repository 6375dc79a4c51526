using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// Sentinel never forgets a replica or sentinel it once saw, so after a scale-down or a pod that
/// came back on a new address it keeps counting ghosts (which can cost the quorum). The first
/// sentinel listing instances that no longer exist is reset; only one per check, so the others
/// keep watching the master meanwhile. A sentinel that lost track of live instances (misses
/// replicas or sentinels for longer than discovery takes) is reset too, but only while the other
/// sentinels monitoring the master still make a quorum without it.
/// </summary>
internal static class SentinelResetPolicy
{
    /// <summary>
    /// Sentinel learns replicas from the master's INFO, read every 10 s, and sentinels from hellos
    /// every 2 s; missing an instance for longer than this is not discovery in progress.
    /// </summary>
    public static readonly TimeSpan TrackingGrace = TimeSpan.FromSeconds(30);

    public static ResetSentinel? Choose(
        IReadOnlyCollection<SentinelObservation> observations,
        IReadOnlySet<RedisEndpoint> redisEndpoints,
        IReadOnlySet<RedisEndpoint> sentinelEndpoints)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(redisEndpoints);
        ArgumentNullException.ThrowIfNull(sentinelEndpoints);
        return Monitoring(observations)
            .Select(o => new ResetSentinel(
                o.Sentinel,
                [.. o.Replicas.Select(r => r.Endpoint).Where(e => !redisEndpoints.Contains(e)),
                 .. o.Peers.Select(p => p.Endpoint).Where(e => !sentinelEndpoints.Contains(e))]))
            .FirstOrDefault(r => r.Stale.Count > 0);
    }

    /// <summary>
    /// The first sentinel that has missed trackable instances for <see cref="TrackingGrace"/> or
    /// longer, when the other monitoring sentinels make a quorum without it.
    /// </summary>
    public static ResetSentinel? ChooseLostTrack(
        IReadOnlyCollection<SentinelObservation> observations,
        IReadOnlyCollection<RedisNodeObservation> nodes,
        IReadOnlyDictionary<RedisEndpoint, TimeSpan> incompleteFor,
        int quorum)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(incompleteFor);
        var monitoring = Monitoring(observations).ToList();
        if (monitoring.Count - 1 < quorum)
        {
            return null;
        }

        return monitoring
            .Where(o => incompleteFor.TryGetValue(o.Sentinel, out var missingFor) && missingFor >= TrackingGrace)
            .Select(o => new ResetSentinel(o.Sentinel, []) { Missing = Missing(o, observations, nodes) })
            .FirstOrDefault(r => r.Missing.Count > 0);
    }

    /// <summary>
    /// The instances a monitoring sentinel should know but does not list: replicas replicating
    /// from its master with the link up (they are in the master's INFO) and the other sentinels
    /// that answer and monitor the same master (they send it hellos).
    /// </summary>
    public static IReadOnlyList<RedisEndpoint> Missing(SentinelObservation observation, IReadOnlyCollection<SentinelObservation> observations, IReadOnlyCollection<RedisNodeObservation> nodes)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(nodes);
        if (observation is not { Reachable: true, Master.Endpoint: var master })
        {
            return [];
        }

        var replicas = observation.Replicas.Select(r => r.Endpoint).ToHashSet();
        var peers = observation.Peers.Select(p => p.Endpoint).ToHashSet();
        return [.. nodes.Where(n => n.IsReplica && n.Replication!.Master == master && n.Replication.MasterLinkUp && !replicas.Contains(n.Endpoint))
                    .Select(n => n.Endpoint).OrderBy(e => e.ToString(), StringComparer.Ordinal),
                .. observations.Where(o => o.Sentinel != observation.Sentinel && o.Reachable && o.Master?.Endpoint == master && !peers.Contains(o.Sentinel))
                    .Select(o => o.Sentinel).OrderBy(e => e.ToString(), StringComparer.Ordinal)];
    }

    private static IEnumerable<SentinelObservation> Monitoring(IReadOnlyCollection<SentinelObservation> observations) =>
        observations.Where(o => o.Reachable && o.Master is not null).OrderBy(o => o.Sentinel.ToString(), StringComparer.Ordinal);
}
