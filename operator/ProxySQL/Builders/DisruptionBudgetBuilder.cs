using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.ProxySQLs.Builders;

/// <summary>One voluntary disruption at a time: a drain never takes every ProxySQL pod at once.</summary>
internal static class DisruptionBudgetBuilder
{
    public static V1PodDisruptionBudget Build(Api.ProxySQL resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new ProxySqlNames(resource.Metadata.Name);
        return new V1PodDisruptionBudget
        {
            ApiVersion = "policy/v1",
            Kind = "PodDisruptionBudget",
            Metadata = ChildMetadata.For(resource, names.DisruptionBudget, ProxySqlLabels.For(resource.Metadata.Name)),
            Spec = new V1PodDisruptionBudgetSpec
            {
                MaxUnavailable = 1,
                Selector = new V1LabelSelector { MatchLabels = ProxySqlLabels.Selector(resource.Metadata.Name) },
            },
        };
    }
}
