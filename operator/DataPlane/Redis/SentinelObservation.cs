namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>
/// Everything one sentinel reports about one master name. <see cref="Master"/> is null when the
/// sentinel was reachable but does not monitor the name; <see cref="Reachable"/> is false when it
/// could not be asked at all.
/// </summary>
internal sealed record SentinelObservation(
    RedisEndpoint Sentinel,
    bool Reachable,
    SentinelMasterView? Master,
    IReadOnlyList<SentinelReplicaView> Replicas,
    IReadOnlyList<SentinelPeerView> Peers)
{
    public static SentinelObservation Unreachable(RedisEndpoint sentinel) => new(sentinel, false, null, [], []);

    public static SentinelObservation NotMonitoring(RedisEndpoint sentinel) => new(sentinel, true, null, [], []);
}
