using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>SENTINEL SET quorum and timings on a sentinel whose settings drifted from the spec.</summary>
internal sealed record UpdateSentinelSettings(RedisEndpoint Sentinel, SentinelMonitorSettings Settings) : HealAction(HealReasons.SentinelConfigured)
{
    public override string Describe() =>
        $"Sentinel {Sentinel} settings set to quorum {Settings.Quorum}, down-after {Settings.DownAfterMilliseconds} ms, failover-timeout {Settings.FailoverTimeout} ms, parallel-syncs {Settings.ParallelSyncs}";
}
