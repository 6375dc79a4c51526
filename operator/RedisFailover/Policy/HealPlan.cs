using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// The decision of one check: the sentinels' agreement, the master everything should follow, and
/// the steps to get there. <see cref="InSync"/> counts the nodes already in place: the master and
/// the replicas replicating from it with the link up. <see cref="MasterAnswers"/> is true when the
/// master answered this check as master; <see cref="Readiness"/>, whether Sentinel could fail it
/// over (null when the operator, not Sentinel, decided the master).
/// </summary>
internal sealed record HealPlan(SentinelAgreement Agreement, RedisEndpoint? Master, IReadOnlyList<HealAction> Actions)
{
    public int InSync { get; init; }

    public bool MasterAnswers { get; init; }

    public FailoverReadiness? Readiness { get; init; }
}
