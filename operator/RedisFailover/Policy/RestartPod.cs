namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>Deletes an outdated pod so its StatefulSet (updateStrategy OnDelete) recreates it from the new template.</summary>
internal sealed record RestartPod(RollPod Pod, string Role) : RollStep(RollingUpdate)
{
    public override string Describe() => $"Restarted {Role} {Pod.Name} on the new revision";
}
