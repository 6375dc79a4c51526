using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// Sentinels that agree on a master cannot yet fail over it until they have found each other
/// (hellos on the master's channel, every 2 s) and its replicas (the master's INFO, every 10 s).
/// A master lost before that is never failed over: Sentinel marks it down but cannot reach the
/// quorum to call it objectively down, and has nobody to promote.
/// </summary>
internal static class FailoverReadinessPolicy
{
    public static FailoverReadiness Assess(
        RedisEndpoint master,
        IReadOnlyCollection<RedisNodeObservation> nodes,
        IReadOnlyCollection<SentinelObservation> sentinels,
        int quorum)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(sentinels);
        var monitoring = sentinels.Where(s => s.Reachable && s.Master?.Endpoint == master).ToList();
        var live = monitoring.Select(s => s.Sentinel).ToHashSet();
        var inSync = nodes.Where(n => n.IsReplica && n.Replication!.Master == master && n.Replication.MasterLinkUp).Select(n => n.Endpoint).ToHashSet();
        var views = monitoring
            .Select(s => new SentinelGap(
                s.Sentinel,
                s.Peers.Count(p => live.Contains(p.Endpoint) && !p.IsDown),
                s.Replicas.Any(r => inSync.Contains(r.Endpoint) && !r.IsDown)))
            .ToList();
        bool Able(SentinelGap g) => g.PeersKnown >= quorum - 1 && g.KnowsReplicaInSync;
        return new FailoverReadiness(views.Count(Able), quorum, [.. views.Where(g => !Able(g))]);
    }
}
