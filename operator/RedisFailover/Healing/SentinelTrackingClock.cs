using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Policy;

namespace BackendStack.Operator.RedisFailovers.Healing;

/// <summary>
/// Remembers since when each sentinel has been missing instances it should know, so the reset
/// policy can tell a sentinel that lost track from one still discovering (or just reset).
/// </summary>
internal sealed class SentinelTrackingClock(TimeProvider time)
{
    private readonly EndpointStateClock incomplete = new(time);

    /// <summary>Records this check's observations; returns, per incomplete sentinel, how long it has been incomplete.</summary>
    public IReadOnlyDictionary<RedisEndpoint, TimeSpan> Update(IReadOnlyCollection<SentinelObservation> sentinels, IReadOnlyCollection<RedisNodeObservation> nodes)
    {
        ArgumentNullException.ThrowIfNull(sentinels);
        return incomplete.Update(sentinels.Where(s => SentinelResetPolicy.Missing(s, sentinels, nodes).Count > 0).Select(s => s.Sentinel));
    }

    /// <summary>A reset sentinel starts discovering afresh.</summary>
    public void Forget(RedisEndpoint sentinel) => incomplete.Forget(sentinel);
}
