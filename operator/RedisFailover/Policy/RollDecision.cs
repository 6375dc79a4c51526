namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// The roll's answer for one check: whether pods are outdated, the step to take now (if any) or
/// what the roll waits for, and the progress for the Progressing condition.
/// </summary>
internal sealed record RollDecision(bool Rolling, RollStep? Step, string? Waiting, string Progress)
{
    public static readonly RollDecision Idle = new(false, null, null, "");
}
