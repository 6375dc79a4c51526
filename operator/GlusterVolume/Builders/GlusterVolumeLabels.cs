using BackendStack.Operator.Runtime.Writes;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.GlusterVolumes.Builders;

/// <summary>The labels every child of a GlusterVolume carries (<see cref="StandardLabels"/>) and the selectors that find its pods.</summary>
internal static class GlusterVolumeLabels
{
    public const string AppName = "glustervolume";
    public const string Component = "glusterd";

    /// <summary>The selector of every GlusterVolume's pods: all the Pod informer lists and watches.</summary>
    public static readonly string AllPodsSelector = StandardLabels.SelectorString(new Dictionary<string, string> { [StandardLabels.Name] = AppName });

    public static Dictionary<string, string> For(string instance) => StandardLabels.For(AppName, instance, Component);

    public static Dictionary<string, string> Selector(string instance) => StandardLabels.Selector(AppName, instance, Component);

    /// <summary>The GlusterVolume a pod belongs to (its instance label), when it is one of a GlusterVolume's pods.</summary>
    public static string? InstanceOf(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.GetLabel(StandardLabels.Name) == AppName ? pod.GetLabel(StandardLabels.Instance) : null;
    }
}
