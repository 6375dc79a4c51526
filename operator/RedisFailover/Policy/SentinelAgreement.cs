using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// The sentinels' joint answer. <see cref="Master"/> is the endpoint most of them name (null when
/// none monitors), <see cref="Agreeing"/> how many name it, <see cref="Reachable"/> how many answered,
/// <see cref="Unanswered"/> the sentinels that did not.
/// </summary>
internal sealed record SentinelAgreement(SentinelAgreementKind Kind, RedisEndpoint? Master, int Agreeing, int Reachable, string Message)
{
    public IReadOnlyList<RedisEndpoint> Unanswered { get; init; } = [];
}
