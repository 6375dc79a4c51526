using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// What a roll decides on. A revision is the StatefulSet's status.updateRevision, null while the
/// StatefulSet controller has not observed the latest spec (the pods cannot be judged yet).
/// <see cref="FailoverRequestedFor"/> is the master a SENTINEL FAILOVER was recently asked for.
/// </summary>
internal sealed record RollInput(
    IReadOnlyList<RollPod> Redis,
    IReadOnlyList<RollPod> Sentinels,
    string? RedisRevision,
    string? SentinelRevision,
    int RedisReplicas,
    int SentinelReplicas,
    HealPlan Plan,
    IReadOnlyCollection<RedisNodeObservation> Nodes,
    IReadOnlyCollection<SentinelObservation> SentinelViews,
    bool PersistentStorage,
    string? FailoverRequestedFor);
