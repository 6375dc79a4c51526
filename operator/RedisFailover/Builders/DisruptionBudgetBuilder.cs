using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>One voluntary disruption at a time for Redis pods and for sentinels (which keeps the quorum).</summary>
internal static class DisruptionBudgetBuilder
{
    public static IReadOnlyList<V1PodDisruptionBudget> All(Api.RedisFailover resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new RedisFailoverNames(resource.Metadata.Name);
        return
        [
            Build(resource, names.RedisDisruptionBudget, RedisFailoverLabels.RedisComponent),
            Build(resource, names.SentinelDisruptionBudget, RedisFailoverLabels.SentinelComponent),
        ];
    }

    private static V1PodDisruptionBudget Build(Api.RedisFailover resource, string name, string component) =>
        OneAtATimeBudget.For(resource, name, RedisFailoverLabels.For(resource.Metadata.Name, component), RedisFailoverLabels.Selector(resource.Metadata.Name, component));
}
