using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Writes;

/// <summary>A PodDisruptionBudget of one: a drain takes at most one of the selected pods at a time.</summary>
internal static class OneAtATimeBudget
{
    public static V1PodDisruptionBudget For(IKubernetesObject<V1ObjectMeta> owner, string name, IDictionary<string, string> labels, IDictionary<string, string> selector) => new()
    {
        ApiVersion = "policy/v1",
        Kind = "PodDisruptionBudget",
        Metadata = ChildMetadata.For(owner, name, labels),
        Spec = new V1PodDisruptionBudgetSpec { MaxUnavailable = 1, Selector = new V1LabelSelector { MatchLabels = selector } },
    };
}
