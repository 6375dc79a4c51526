using BackendStack.Operator.Runtime.Writes;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>The labels every child carries (<see cref="StandardLabels"/>, api.md conventions), the role label and the selectors that find the pods.</summary>
internal static class RedisFailoverLabels
{
    public const string AppName = "redisfailover";
    public const string Role = "backendstack.io/role";
    public const string MasterRole = "master";
    public const string ReplicaRole = "replica";
    public const string RedisComponent = "redis";
    public const string SentinelComponent = "sentinel";

    /// <summary>The revision label the StatefulSet controller puts on each pod (compared with status.updateRevision).</summary>
    public const string Revision = "controller-revision-hash";

    /// <summary>The selector of every RedisFailover's pods, which the Pod informer lists and watches (no other pods are cached).</summary>
    public static readonly string AllPodsSelector = StandardLabels.SelectorString(new Dictionary<string, string> { [StandardLabels.Name] = AppName });

    public static Dictionary<string, string> For(string instance, string component) => StandardLabels.For(AppName, instance, component);

    public static Dictionary<string, string> Selector(string instance, string component) => StandardLabels.Selector(AppName, instance, component);

    /// <summary>The selector of one component's pods as a string: status.selector (the Redis pods) and the follower's pod list.</summary>
    public static string SelectorString(string instance, string component) => StandardLabels.SelectorString(Selector(instance, component));

    public static Dictionary<string, string> RoleSelector(string instance, string role)
    {
        var selector = Selector(instance, RedisComponent);
        selector[Role] = role;
        return selector;
    }

    /// <summary>The RedisFailover a pod belongs to (its instance label), when it is one of a RedisFailover's pods.</summary>
    public static string? InstanceOf(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.GetLabel(StandardLabels.Name) == AppName ? pod.GetLabel(StandardLabels.Instance) : null;
    }

    /// <summary>The component (<see cref="RedisComponent"/> or <see cref="SentinelComponent"/>) a pod runs.</summary>
    public static string? ComponentOf(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.GetLabel(StandardLabels.Component);
    }
}
