namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>REPLICAOF NO ONE on the replica with the most data, when neither a master nor Sentinel can act.</summary>
internal sealed record PromoteReplica(RedisNodeObservation Node) : HealAction(HealReasons.MasterChanged)
{
    public override string Describe() =>
        $"Promoted replica {Node.Pod} (offset {Node.Offset}) to master: no master reachable and sentinels without quorum";
}
