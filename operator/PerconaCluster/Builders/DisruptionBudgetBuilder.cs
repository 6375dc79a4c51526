using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.PerconaClusters.Builders;

/// <summary>One voluntary disruption at a time: a drain never takes two Galera nodes, and so never the quorum.</summary>
internal static class DisruptionBudgetBuilder
{
    public static V1PodDisruptionBudget Build(Api.PerconaCluster resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new PerconaClusterNames(resource.Metadata.Name);
        return OneAtATimeBudget.For(resource, names.DisruptionBudget, PerconaClusterLabels.For(resource.Metadata.Name), PerconaClusterLabels.Selector(resource.Metadata.Name));
    }
}
