namespace BackendStack.Operator.PerconaClusters.Status;

/// <summary>The condition reasons of a PerconaCluster.</summary>
internal static class ClusterReasons
{
    public const string AllNodesSynced = "AllNodesSynced";
    public const string NodesNotSynced = "NodesNotSynced";
    public const string PrimaryComponent = "PrimaryComponent";
    public const string NoPrimaryComponent = "NoPrimaryComponent";
    public const string NonPrimaryNode = "NonPrimaryNode";
    public const string FullCrash = "FullCrash";
    public const string Recovering = "Recovering";
    public const string Scaling = "Scaling";
    public const string RollingUpdate = "RollingUpdate";
    public const string Stable = "Stable";
    public const string Healthy = "Healthy";
    public const string NodeNotSynced = "NodeNotSynced";
    public const string Paused = "Paused";
    public const string Running = "Running";
    public const string Pausing = "Pausing";
}
