using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>SENTINEL MONITOR (after REMOVE when the sentinel follows a stale master) on one sentinel.</summary>
internal sealed record MonitorMaster(RedisEndpoint Sentinel, RedisEndpoint Master, SentinelMonitorSettings Settings, bool RemoveFirst) : HealAction(HealReasons.SentinelConfigured)
{
    public override string Describe() => $"Sentinel {Sentinel} now monitors master {Master}";
}
