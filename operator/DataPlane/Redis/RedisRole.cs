namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>Role a Redis server reports in INFO replication.</summary>
internal enum RedisRole
{
    Unknown,
    Master,
    Replica,
}
