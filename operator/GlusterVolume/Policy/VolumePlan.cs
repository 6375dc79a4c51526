namespace BackendStack.Operator.GlusterVolumes.Policy;

/// <summary>The step a reconcile takes, its targets (hosts to probe, bricks to create, pods whose brick restarts) and why.</summary>
internal sealed record VolumePlan(VolumeAction Action, IReadOnlyList<string> Targets, string Message)
{
    public static readonly VolumePlan Nothing = new(VolumeAction.None, [], "nothing to change");
}
