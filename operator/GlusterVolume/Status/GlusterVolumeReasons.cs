namespace BackendStack.Operator.GlusterVolumes.Status;

/// <summary>The condition reasons of a GlusterVolume (besides <see cref="Api.ConditionReasons.InvalidSpec"/>).</summary>
internal static class GlusterVolumeReasons
{
    public const string BricksOnline = "BricksOnline";
    public const string Creating = "Creating";
    public const string BricksOffline = "BricksOffline";
    public const string HealPending = "HealPending";
    public const string CommandFailed = "CommandFailed";
    public const string SplitBrainRisk = "SplitBrainRisk";
    public const string Reconciling = "Reconciling";
    public const string Stable = "Stable";
    public const string Healthy = "Healthy";
}
