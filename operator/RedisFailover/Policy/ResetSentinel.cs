using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>SENTINEL RESET on a sentinel that still lists replicas or sentinels that no longer exist.</summary>
internal sealed record ResetSentinel(RedisEndpoint Sentinel, IReadOnlyList<RedisEndpoint> Stale) : HealAction(HealReasons.SentinelReset)
{
    public override string Describe() => $"Reset sentinel {Sentinel}: it listed gone instances {string.Join(", ", Stale)}";
}
