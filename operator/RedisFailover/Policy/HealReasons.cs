namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>Event reasons of the heal steps.</summary>
internal static class HealReasons
{
    public const string MasterChanged = "MasterChanged";
    public const string SplitBrainResolved = "SplitBrainResolved";
    public const string ReplicaResynced = "ReplicaResynced";
    public const string SentinelReset = "SentinelReset";
    public const string SentinelConfigured = "SentinelConfigured";
}
