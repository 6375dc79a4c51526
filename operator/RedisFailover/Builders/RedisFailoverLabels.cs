namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>The labels every child carries (api.md conventions) and the selectors that find the pods.</summary>
internal static class RedisFailoverLabels
{
    public const string Role = "backendstack.io/role";
    public const string MasterRole = "master";
    public const string ReplicaRole = "replica";
    public const string RedisComponent = "redis";
    public const string SentinelComponent = "sentinel";

    public static Dictionary<string, string> For(string instance, string component) => new()
    {
        ["app.kubernetes.io/name"] = "redisfailover",
        ["app.kubernetes.io/instance"] = instance,
        ["app.kubernetes.io/component"] = component,
        ["app.kubernetes.io/managed-by"] = "backendstack-operator",
        ["app.kubernetes.io/part-of"] = "backendstack",
    };

    public static Dictionary<string, string> Selector(string instance, string component) => new()
    {
        ["app.kubernetes.io/name"] = "redisfailover",
        ["app.kubernetes.io/instance"] = instance,
        ["app.kubernetes.io/component"] = component,
    };

    public static Dictionary<string, string> RoleSelector(string instance, string role)
    {
        var selector = Selector(instance, RedisComponent);
        selector[Role] = role;
        return selector;
    }
}
