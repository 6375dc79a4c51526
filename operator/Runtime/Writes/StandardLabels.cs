namespace BackendStack.Operator.Runtime.Writes;

/// <summary>The recommended app.kubernetes.io labels every child of the operator carries.</summary>
internal static class StandardLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Instance = "app.kubernetes.io/instance";
    public const string Component = "app.kubernetes.io/component";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string PartOf = "app.kubernetes.io/part-of";

    /// <summary>The value of <see cref="ManagedBy"/> on every child: what the informers select (Informers.CacheSelection).</summary>
    public const string Manager = "backendstack-operator";

    public static Dictionary<string, string> For(string name, string instance, string component) => new()
    {
        [Name] = name,
        [Instance] = instance,
        [Component] = component,
        [ManagedBy] = Manager,
        [PartOf] = "backendstack",
    };

    /// <summary>The immutable subset used in selectors: the kind of application and the instance.</summary>
    public static Dictionary<string, string> Selector(string name, string instance) => new()
    {
        [Name] = name,
        [Instance] = instance,
    };

    /// <summary>The selector of one component of an instance (e.g. the Redis pods, not the Sentinel pods, of one RedisFailover).</summary>
    public static Dictionary<string, string> Selector(string name, string instance, string component)
    {
        var selector = Selector(name, instance);
        selector[Component] = component;
        return selector;
    }

    /// <summary>A selector in the string form of list requests and status.selector, keys in order (as Kubernetes prints them).</summary>
    public static string SelectorString(IReadOnlyDictionary<string, string> selector) =>
        string.Join(',', selector.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
