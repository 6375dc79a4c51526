namespace BackendStack.Operator.Api;

/// <summary>The condition types of the API.</summary>
public static class ConditionTypes
{
    /// <summary>Everything the spec asks for is running and healthy (every kind).</summary>
    public const string Ready = "Ready";

    /// <summary>The operator is creating, scaling or updating children (every kind).</summary>
    public const string Progressing = "Progressing";

    /// <summary>Something is unhealthy or the spec is invalid (every kind).</summary>
    public const string Degraded = "Degraded";

    /// <summary>A Redis master is reachable and agreed on by Sentinel (RedisFailover).</summary>
    public const string MasterAvailable = "MasterAvailable";

    /// <summary>Enough Sentinels agree to reach quorum (RedisFailover).</summary>
    public const string SentinelQuorum = "SentinelQuorum";

    /// <summary>Every reachable node reports a Primary component (PerconaCluster).</summary>
    public const string QuorumHealthy = "QuorumHealthy";

    /// <summary>The cluster is scaled to zero on request (PerconaCluster).</summary>
    public const string Paused = "Paused";
}
