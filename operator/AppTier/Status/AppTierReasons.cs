
namespace BackendStack.Operator.AppTiers.Status;

/// <summary>Condition reasons of an AppTier beyond the shared <c>InvalidSpec</c>.</summary>
internal static class AppTierReasons
{
    public const string DependencyNotReady = "DependencyNotReady";
    public const string ChildConflict = "ChildConflict";
    public const string AllReplicasReady = "AllReplicasReady";
    public const string ReplicasNotReady = "ReplicasNotReady";
    public const string RollingOut = "RollingOut";
    public const string RolloutComplete = "RolloutComplete";
    public const string RolloutFailed = "RolloutFailed";
    public const string AsExpected = "AsExpected";
}
