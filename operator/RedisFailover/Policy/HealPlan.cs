using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>The decision of one check: the sentinels' agreement, the master everything should follow, and the steps to get there.</summary>
internal sealed record HealPlan(SentinelAgreement Agreement, RedisEndpoint? Master, IReadOnlyList<HealAction> Actions);
