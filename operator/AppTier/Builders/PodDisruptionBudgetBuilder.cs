using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.AppTiers.Builders;

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
        Metadata = ChildMetadata.For(tier, tier.Metadata.Name, AppTierLabels.For(tier)),
        Spec = new V1PodDisruptionBudgetSpec
        {
            MaxUnavailable = (IntOrString)1,
            Selector = new V1LabelSelector { MatchLabels = AppTierLabels.Selector(tier) },
        },
    };
}
