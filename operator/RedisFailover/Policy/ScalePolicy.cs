namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// Scaling towards the spec one pod at a time (<see cref="ScaleStep"/>): a Redis pod counts once it replicates from
/// the master, so each step up waits for the sync; a sentinel once it agrees on the master. The master pod is never
/// removed: while it is the next to go and the sentinels agree, Sentinel is asked to fail over and the StatefulSet
/// keeps its size until a later check finds the master elsewhere.
/// </summary>
internal static class ScalePolicy
{
    public static ScaleDecision Decide(ScaleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int? masterOrdinal = input.MasterPod is { } pod ? new RedisNodeObservation(pod, default, null).Ordinal : null;
        var redis = ScaleStep.Next(input.RedisReplicas, input.DesiredRedis, Math.Min(input.ReadyRedis, input.Plan?.InSync ?? 0), masterOrdinal);
        var sentinels = ScaleStep.Next(input.SentinelReplicas, input.DesiredSentinels, Math.Min(input.ReadySentinels, input.Plan?.Agreement.Agreeing ?? 0), null);
        var handOver = input.RedisReplicas is { } current && input.DesiredRedis < current && redis == current
            && input.Plan is { Agreement.Kind: SentinelAgreementKind.Agreed, Master: { } master } && input.Sentinel is { } sentinel
                ? new HandOverMaster(sentinel, master, input.MasterPod)
                : null;
        return new ScaleDecision(redis, sentinels, handOver);
    }
}
