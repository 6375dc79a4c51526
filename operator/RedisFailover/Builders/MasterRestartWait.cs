namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>
/// How long a restarted Redis that the sentinels still name as master stays away before it starts as master anyway.
/// A master the kubelet restarts within a second comes back with what its data directory held at the last save (or
/// nothing): its replicas would full-resync from it and drop every write since, and Sentinel, which sees it answer
/// again before down-after-milliseconds, never fails over. Staying away for down-after plus one failover timeout
/// lets Sentinel promote the replica holding the most data; the start script then joins it as a replica. Capped
/// below the liveness probe's first kill (10 s initial delay, 3 failures 10 s apart). Zero for a single Redis.
/// </summary>
internal static class MasterRestartWait
{
    /// <summary>The liveness probe kills a container that does not listen after 30 s; the wait leaves Redis 5 s to start.</summary>
    public const int MaxSeconds = 25;

    public static int Seconds(Api.RedisFailoverSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Redis.Replicas <= 1)
        {
            return 0;
        }

        var milliseconds = (long)spec.Sentinel.DownAfterMilliseconds + spec.Sentinel.FailoverTimeout;
        return (int)Math.Min(MaxSeconds, (milliseconds + 999) / 1000);
    }
}
