namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>
/// How long a restarted Redis that the sentinels still name as master stays away before it starts as master anyway:
/// Sentinel's time to act (<see cref="Policy.HealPlanner.SentinelGiveUpAfter"/>) plus 2 s.
/// A master the kubelet restarts within a second comes back with what its data directory held at the last save (or
/// nothing): its replicas would full-resync from it and drop every write since, and Sentinel, which sees it answer
/// again before down-after-milliseconds, never fails over. Staying away for Sentinel's whole time to act (down-after,
/// and a failed election retried after twice the failover timeout) plus 2 s lets Sentinel promote the replica holding
/// the most data; the start script then joins it as a replica. Capped well inside the startup probe's two minutes.
/// Zero for a single Redis.
/// </summary>
internal static class MasterRestartWait
{
    /// <summary>Leaves at least half a minute of the startup probe's budget for Redis to load its data.</summary>
    public const int MaxSeconds = 90;

    public static int Seconds(Api.RedisFailoverSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Redis.Replicas <= 1)
        {
            return 0;
        }

        var wait = Policy.HealPlanner.SentinelGiveUpAfter(SentinelSettingsBuilder.Build(spec.Sentinel)) + TimeSpan.FromSeconds(2);
        return (int)Math.Min(MaxSeconds, Math.Ceiling(wait.TotalSeconds));
    }
}
