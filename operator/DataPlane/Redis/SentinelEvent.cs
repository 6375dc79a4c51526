namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>
/// One message from a sentinel's pub/sub channel. For <see cref="SentinelEventKind.SwitchMaster"/>
/// <see cref="Instance"/> is the new master and <see cref="PreviousMaster"/> the old one.
/// <see cref="ReceivedAt"/> is when the operator received the message, by its own clock.
/// </summary>
internal sealed record SentinelEvent(
    SentinelEventKind Kind,
    RedisEndpoint Sentinel,
    string MasterName,
    string InstanceType,
    RedisEndpoint Instance,
    RedisEndpoint? PreviousMaster,
    DateTimeOffset ReceivedAt);
