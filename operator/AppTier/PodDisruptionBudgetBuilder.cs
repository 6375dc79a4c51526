using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.AppTiers;

/// <summary>
/// AppTier in, PodDisruptionBudget out (pure): voluntary evictions (node drains) take one pod at a time, which
/// also never blocks a drain of a single-replica tier as minAvailable would.
/// </summary>
internal static class PodDisruptionBudgetBuilder
{
    public static V1PodDisruptionBudget Build(AppTier tier) => new()
    {
        ApiVersion = "policy/v1",
        Kind = "PodDisruptionBudget",
        Metadata = new V1ObjectMeta
        {
            Name = tier.Metadata.Name,
            NamespaceProperty = tier.Metadata.NamespaceProperty,
            Labels = AppTierLabels.For(tier),
            OwnerReferences = [OwnerReferences.ControlledBy(tier)],
        },
        Spec = new V1PodDisruptionBudgetSpec
        {
            MaxUnavailable = (IntOrString)1,
            Selector = new V1LabelSelector { MatchLabels = AppTierLabels.Selector(tier) },
        },
    };
}
