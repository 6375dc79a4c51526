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
        return new V1PodDisruptionBudget
        {
            ApiVersion = "policy/v1",
            Kind = "PodDisruptionBudget",
            Metadata = ChildMetadata.For(resource, names.DisruptionBudget, PerconaClusterLabels.For(resource.Metadata.Name)),
            Spec = new V1PodDisruptionBudgetSpec
            {
                MaxUnavailable = 1,
                Selector = new V1LabelSelector { MatchLabels = PerconaClusterLabels.Selector(resource.Metadata.Name) },
            },
        };
    }
}
