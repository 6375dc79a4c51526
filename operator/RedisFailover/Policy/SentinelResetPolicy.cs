using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// Sentinel never forgets a replica or sentinel it once saw, so after a scale-down or a pod that
/// came back on a new address it keeps counting ghosts (which can cost the quorum). The first
/// sentinel listing instances that no longer exist is reset; only one per check, so the others
/// keep watching the master meanwhile.
/// </summary>
internal static class SentinelResetPolicy
{
    public static ResetSentinel? Choose(
        IReadOnlyCollection<SentinelObservation> observations,
        IReadOnlySet<RedisEndpoint> redisEndpoints,
        IReadOnlySet<RedisEndpoint> sentinelEndpoints)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(redisEndpoints);
        ArgumentNullException.ThrowIfNull(sentinelEndpoints);
        return observations
            .Where(o => o.Reachable && o.Master is not null)
            .OrderBy(o => o.Sentinel.ToString(), StringComparer.Ordinal)
            .Select(o => new ResetSentinel(
                o.Sentinel,
                [.. o.Replicas.Select(r => r.Endpoint).Where(e => !redisEndpoints.Contains(e)),
                 .. o.Peers.Select(p => p.Endpoint).Where(e => !sentinelEndpoints.Contains(e))]))
            .FirstOrDefault(r => r.Stale.Count > 0);
    }
}
