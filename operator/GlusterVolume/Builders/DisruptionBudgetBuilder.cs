using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.GlusterVolumes.Builders;

/// <summary>One voluntary disruption at a time: a drain never takes two bricks of a replica set, and so never the client quorum of replica 3.</summary>
internal static class DisruptionBudgetBuilder
{
    public static V1PodDisruptionBudget Build(Api.GlusterVolume resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new GlusterVolumeNames(resource.Metadata.Name);
        return OneAtATimeBudget.For(resource, names.DisruptionBudget, GlusterVolumeLabels.For(resource.Metadata.Name), GlusterVolumeLabels.Selector(resource.Metadata.Name));
    }
}
