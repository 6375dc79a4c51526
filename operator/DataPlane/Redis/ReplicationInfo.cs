namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>The parts of INFO replication the operator decides on.</summary>
/// <param name="Role">master or replica.</param>
/// <param name="MasterReplOffset">master_repl_offset: how much of the replication stream this node holds.</param>
/// <param name="ConnectedReplicas">connected_slaves (masters only).</param>
/// <param name="Master">The master a replica follows (master_host/master_port), null on a master.</param>
/// <param name="MasterLinkUp">master_link_status is up (replicas only).</param>
/// <param name="Replicas">The replicas a master lists (slaveN lines).</param>
internal sealed record ReplicationInfo(
    RedisRole Role,
    long MasterReplOffset,
    int ConnectedReplicas,
    RedisEndpoint? Master,
    bool MasterLinkUp,
    IReadOnlyList<ConnectedReplica> Replicas);
