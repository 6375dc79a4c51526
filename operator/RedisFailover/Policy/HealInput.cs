using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>What one check observed: every Redis pod and every sentinel pod, and the spec's sentinel settings.</summary>
internal sealed record HealInput(
    IReadOnlyCollection<RedisNodeObservation> Nodes,
    IReadOnlyCollection<SentinelObservation> Sentinels,
    SentinelMonitorSettings Settings);
