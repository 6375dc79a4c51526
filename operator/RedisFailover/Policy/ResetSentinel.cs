using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// SENTINEL RESET on a sentinel that still lists replicas or sentinels that no longer exist
/// (<see cref="Stale"/>), or that lost track of live ones (<see cref="Missing"/>): it forgets what
/// it knew and rediscovers the replicas and sentinels from the master.
/// </summary>
internal sealed record ResetSentinel(RedisEndpoint Sentinel, IReadOnlyList<RedisEndpoint> Stale) : HealAction(HealReasons.SentinelReset)
{
    public IReadOnlyList<RedisEndpoint> Missing { get; init; } = [];

    public override string Describe() => Stale.Count > 0
        ? $"Reset sentinel {Sentinel}: it listed gone instances {string.Join(", ", Stale)}"
        : $"Reset sentinel {Sentinel}: it lost track of {string.Join(", ", Missing)}";
}
