using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// Makes every other reachable node replicate from the master: a second master holding data is
/// demoted (split brain), an empty master (a restarted or new pod) and a replica following
/// another node are pointed at it. Nothing happens unless the master itself answers as master.
/// The master the operator asked Sentinel to move away from (<c>handedOver</c>) still answers as
/// master until it is told otherwise: that is a planned handover, not split brain.
/// </summary>
internal static class ReplicationTargetPolicy
{
    public static IReadOnlyList<HealAction> Plan(RedisEndpoint master, IReadOnlyCollection<RedisNodeObservation> nodes, RedisEndpoint? handedOver = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (!nodes.Any(n => n.Endpoint == master && n.IsMaster))
        {
            return [];
        }

        var actions = new List<HealAction>();
        foreach (var node in nodes.Where(n => n.Reachable && n.Endpoint != master).OrderBy(n => n.Ordinal))
        {
            if (node.IsMaster)
            {
                actions.Add((node.Offset > 0 || node.Replication!.ConnectedReplicas > 0) && node.Endpoint != handedOver
                    ? new DemoteSecondMaster(node, master)
                    : new RepointReplica(node, master));
            }
            else if (node.IsReplica && node.Replication!.Master != master)
            {
                actions.Add(new RepointReplica(node, master));
            }
        }

        return actions;
    }
}
