using BackendStack.Operator.RedisFailovers.Builders;
using k8s.Models;

namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// Which Redis pods need their role label changed so that exactly the master pod carries
/// backendstack.io/role=master (the master Service selects on it) and every other pod replica.
/// </summary>
internal static class RoleLabelPolicy
{
    public static IReadOnlyList<(string Pod, string Role)> Changes(IEnumerable<V1Pod> pods, string? masterPod)
    {
        ArgumentNullException.ThrowIfNull(pods);
        return pods
            .Select(p => (Pod: p.Metadata.Name, Current: p.GetLabel(RedisFailoverLabels.Role), Wanted: p.Metadata.Name == masterPod ? RedisFailoverLabels.MasterRole : RedisFailoverLabels.ReplicaRole))
            .Where(p => p.Current != p.Wanted)
            .OrderBy(p => p.Pod, StringComparer.Ordinal)
            .Select(p => (p.Pod, p.Wanted))
            .ToList();
    }
}
