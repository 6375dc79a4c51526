using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>The sentinel settings of the spec; quorum defaults to a majority of the sentinels.</summary>
internal static class SentinelSettingsBuilder
{
    public static SentinelMonitorSettings Build(Api.SentinelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SentinelMonitorSettings(spec.Quorum ?? (spec.Replicas / 2) + 1, spec.DownAfterMilliseconds, spec.FailoverTimeout, spec.ParallelSyncs);
    }
}
