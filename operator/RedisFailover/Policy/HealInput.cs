using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// What one check observed: every Redis pod and every sentinel pod, and the spec's sentinel
/// settings. <see cref="IncompleteFor"/> is how long each sentinel has been missing live
/// replicas or sentinels (absent when it lists them all); <see cref="NotMasterFor"/>, how long each
/// pod has not answered as a master (absent while it does). <see cref="HandedOver"/> is the master
/// the operator asked Sentinel to fail over from (scale-down), which is made a replica without
/// counting as split brain.
/// </summary>
internal sealed record HealInput(
    IReadOnlyCollection<RedisNodeObservation> Nodes,
    IReadOnlyCollection<SentinelObservation> Sentinels,
    SentinelMonitorSettings Settings)
{
    public IReadOnlyDictionary<RedisEndpoint, TimeSpan> IncompleteFor { get; init; } = new Dictionary<RedisEndpoint, TimeSpan>();

    public IReadOnlyDictionary<RedisEndpoint, TimeSpan> NotMasterFor { get; init; } = new Dictionary<RedisEndpoint, TimeSpan>();

    public RedisEndpoint? HandedOver { get; init; }

    /// <summary>How many Redis pods the spec asks for; pods without an address yet are not among <see cref="Nodes"/>.</summary>
    public int ExpectedNodes { get; init; }
}
