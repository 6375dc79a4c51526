using BackendStack.Operator.Redis.Builders;
using BackendStack.Operator.Redis.Policy;

namespace BackendStack.Operator.Redis.Status;

/// <summary>
/// Everything the status is computed from. <see cref="Plan"/> is null when the data plane was not
/// checked (no pods with addresses yet, or an invalid spec); <see cref="LatestFailover"/> is the
/// newest failover the operator saw, which counts once.
/// </summary>
internal sealed record StatusInput(
    Api.RedisFailover Resource,
    IReadOnlyList<PodState> RedisPods,
    IReadOnlyList<PodState> SentinelPods,
    HealPlan? Plan,
    IReadOnlyList<SpecError> SpecErrors,
    Api.FailoverRecord? LatestFailover,
    DateTime Now);
