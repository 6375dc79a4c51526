namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>Commands to individual Redis servers. Every call names the server it goes to.</summary>
internal interface IRedisNodeClient
{
    /// <summary>INFO replication.</summary>
    Task<ReplicationInfo> GetReplicationAsync(RedisEndpoint node, CancellationToken cancellationToken);

    /// <summary>REPLICAOF host port, or REPLICAOF NO ONE when <paramref name="master"/> is null.</summary>
    Task ReplicaOfAsync(RedisEndpoint node, RedisEndpoint? master, CancellationToken cancellationToken);

    /// <summary>CONFIG GET for one parameter (or glob); the names and values returned.</summary>
    Task<IReadOnlyDictionary<string, string>> ConfigGetAsync(RedisEndpoint node, string parameter, CancellationToken cancellationToken);

    /// <summary>CONFIG SET parameter value.</summary>
    Task ConfigSetAsync(RedisEndpoint node, string parameter, string value, CancellationToken cancellationToken);

    /// <summary>BGSAVE: a dump in a forked child. The operator never issues a blocking SAVE.</summary>
    Task BackgroundSaveAsync(RedisEndpoint node, CancellationToken cancellationToken);
}
