using BackendStack.Operator.RedisFailovers.Policy;

namespace BackendStack.Operator.RedisFailovers.Healing;

/// <summary>A heal step that was tried; <see cref="Error"/> is null when it succeeded.</summary>
internal sealed record HealOutcome(HealAction Action, string? Error)
{
    public bool Succeeded => Error is null;
}
