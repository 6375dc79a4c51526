using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>REPLICAOF the agreed master on a node that follows another one, or is an empty new master.</summary>
internal sealed record RepointReplica(RedisNodeObservation Node, RedisEndpoint Master) : HealAction(HealReasons.ReplicaResynced)
{
    public override string Describe() =>
        Node.Replication?.Master is { } previous
            ? $"Pointed replica {Node.Pod} at master {Master} (it followed {previous})"
            : $"Made {Node.Pod} a replica of master {Master}";
}
