namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// Whether Sentinel could fail over now: <see cref="Able"/> sentinels agreeing on the master could
/// each start a failover, <see cref="Needed"/> (the quorum) are asked for, so one more can be lost;
/// <see cref="Gaps"/> says what the others lack.
/// </summary>
internal sealed record FailoverReadiness(int Able, int Needed, IReadOnlyList<SentinelGap> Gaps)
{
    public bool CanFailOver => Able >= Needed;
}
