namespace BackendStack.Operator.ProxySQLs.Status;

/// <summary>The condition reasons of a ProxySQL (besides <see cref="Api.ConditionReasons.InvalidSpec"/>).</summary>
internal static class ProxySqlReasons
{
    public const string Configured = "Configured";
    public const string Waiting = "Waiting";
    public const string PodsNotConfigured = "PodsNotConfigured";
    public const string NoWriter = "NoWriter";
    public const string Configuring = "Configuring";
    public const string Stable = "Stable";
    public const string Healthy = "Healthy";
}
