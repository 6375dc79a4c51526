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
        return OneAtATimeBudget.For(resource, names.DisruptionBudget, ProxySqlLabels.For(resource.Metadata.Name), ProxySqlLabels.Selector(resource.Metadata.Name));
    }
}
