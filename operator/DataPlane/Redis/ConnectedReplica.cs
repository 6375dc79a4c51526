namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>One replica as its master lists it in INFO replication (slaveN:ip=..,port=..,state=..,offset=..).</summary>
internal sealed record ConnectedReplica(RedisEndpoint Endpoint, string State, long Offset);
