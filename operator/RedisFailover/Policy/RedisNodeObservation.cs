using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>One Redis pod as the operator found it; <see cref="Replication"/> is null when the server did not answer.</summary>
internal sealed record RedisNodeObservation(string Pod, RedisEndpoint Endpoint, ReplicationInfo? Replication)
{
    public bool Reachable => Replication is not null;

    public bool IsMaster => Replication?.Role == RedisRole.Master;

    public bool IsReplica => Replication?.Role == RedisRole.Replica;

    /// <summary>How much of the replication stream the node holds; 0 for a node that never had data.</summary>
    public long Offset => Replication?.MasterReplOffset ?? 0;

    /// <summary>The StatefulSet ordinal from the pod name (name-N); ties are broken towards the first pod.</summary>
    public int Ordinal =>
        int.TryParse(Pod.AsSpan(Pod.LastIndexOf('-') + 1), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
}
