using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.RedisFailovers.Policy;

namespace BackendStack.Operator.RedisFailovers.Status;

/// <summary>
/// Everything the status is computed from. <see cref="Plan"/> is null when the data plane was not
/// checked (no pods with addresses yet, or an invalid spec); <see cref="LatestFailover"/> is the
/// newest failover the operator saw, which counts once; <see cref="SplitBrainsResolved"/> the
/// second masters demoted since the status was last written; <see cref="Roll"/> what a roll onto a
/// new revision is doing.
/// </summary>
internal sealed record StatusInput(
    Api.RedisFailover Resource,
    IReadOnlyList<PodState> RedisPods,
    IReadOnlyList<PodState> SentinelPods,
    HealPlan? Plan,
    IReadOnlyList<SpecError> SpecErrors,
    Api.FailoverRecord? LatestFailover,
    DateTime Now,
    int SplitBrainsResolved = 0,
    RollDecision? Roll = null);
