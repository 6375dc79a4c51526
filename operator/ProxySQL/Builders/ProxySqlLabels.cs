using BackendStack.Operator.Runtime.Writes;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.ProxySQLs.Builders;

/// <summary>The labels every child of a ProxySQL carries (<see cref="StandardLabels"/>) and the selectors that find its pods.</summary>
internal static class ProxySqlLabels
{
    public const string AppName = "proxysql";
    public const string Component = "proxysql";

    /// <summary>The selector of every ProxySQL's pods: all the Pod informer lists and watches.</summary>
    public static readonly string AllPodsSelector = StandardLabels.SelectorString(new Dictionary<string, string> { [StandardLabels.Name] = AppName });

    public static Dictionary<string, string> For(string instance) => StandardLabels.For(AppName, instance, Component);

    public static Dictionary<string, string> Selector(string instance) => StandardLabels.Selector(AppName, instance, Component);

    /// <summary>The ProxySQL a pod belongs to (its instance label), when it is one of a ProxySQL's pods.</summary>
    public static string? InstanceOf(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.GetLabel(StandardLabels.Name) == AppName ? pod.GetLabel(StandardLabels.Instance) : null;
    }
}
