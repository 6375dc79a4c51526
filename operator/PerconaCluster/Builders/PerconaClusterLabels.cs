using BackendStack.Operator.Runtime.Writes;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.PerconaClusters.Builders;

/// <summary>The labels every child of a PerconaCluster carries (<see cref="StandardLabels"/>) and the selectors that find its pods.</summary>
internal static class PerconaClusterLabels
{
    public const string AppName = "perconacluster";
    public const string NodeComponent = "pxc";

    /// <summary>
    /// Set on a node's pod (the time, RFC 3339) just before a roll restarts it while it is a ProxySQL writer: every
    /// ProxySQL in front of the cluster takes the node out of its writer hostgroup, and the roll waits for the writer to move.
    /// </summary>
    public const string LeavingWriterAnnotation = "backendstack.io/leaving-writer";

    /// <summary>The selector of every PerconaCluster's pods: all the Pod informer lists and watches.</summary>
    public static readonly string AllPodsSelector = StandardLabels.SelectorString(new Dictionary<string, string> { [StandardLabels.Name] = AppName });

    public static Dictionary<string, string> For(string instance) => StandardLabels.For(AppName, instance, NodeComponent);

    public static Dictionary<string, string> Selector(string instance) => StandardLabels.Selector(AppName, instance, NodeComponent);

    /// <summary>status.selector, for the scale subresource.</summary>
    public static string SelectorString(string instance) => StandardLabels.SelectorString(Selector(instance));

    /// <summary>The PerconaCluster a pod belongs to (its instance label), when it is one of a PerconaCluster's pods.</summary>
    public static string? InstanceOf(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.GetLabel(StandardLabels.Name) == AppName ? pod.GetLabel(StandardLabels.Instance) : null;
    }
}
