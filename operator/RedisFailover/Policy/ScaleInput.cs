using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// What a scale step decides on: the StatefulSets' replicas now (null before they exist), the spec's, how many pods
/// are Ready, the pod the check found as master, a sentinel with an address (to ask for a failover) and the check's plan
/// (null when nothing was observed).
/// </summary>
internal sealed record ScaleInput(
    int? RedisReplicas,
    int? SentinelReplicas,
    int DesiredRedis,
    int DesiredSentinels,
    int ReadyRedis,
    int ReadySentinels,
    string? MasterPod,
    RedisEndpoint? Sentinel,
    HealPlan? Plan);
