using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>REPLICAOF the agreed master on a node that also acts as master and holds data (split brain).</summary>
internal sealed record DemoteSecondMaster(RedisNodeObservation Node, RedisEndpoint Master) : HealAction(HealReasons.SplitBrainResolved)
{
    public override string Describe() => $"Demoted second master {Node.Pod} to a replica of {Master}";
}
