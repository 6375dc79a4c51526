using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// A sentinel that could not start a failover on its own: how many other live sentinels it knows
/// (it needs quorum - 1 of them to confirm the master down) and whether it knows a replica in sync
/// with the master (the only kind it can promote).
/// </summary>
internal sealed record SentinelGap(RedisEndpoint Sentinel, int PeersKnown, bool KnowsReplicaInSync);
