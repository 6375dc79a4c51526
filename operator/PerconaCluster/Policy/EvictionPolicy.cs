using System.Text.RegularExpressions;

namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>
/// Which dead nodes to evict from the Galera group at once. A node whose mariadbd is gone (its container exited or
/// was already replaced by a new one, or its port refuses connections) still counts as a member until the others suspect it (<c>evs.suspect_timeout</c>,
/// 5 s by default), and every commit in the cluster waits until then. The operator knows sooner, from the pod, and
/// evicts the old process's member id (<c>evs.evict</c>) through a node of the Primary component; the node's next
/// start joins with a new id. Ids already evicted, still live, or never seen are left alone.
/// </summary>
internal static partial class EvictionPolicy
{
    public static IReadOnlyList<(string Pod, string MemberId)> ToEvict(
        IReadOnlyList<GaleraNode> nodes, IReadOnlyDictionary<string, GaleraMember> lastMembers, IReadOnlySet<string> evicted)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(lastMembers);
        ArgumentNullException.ThrowIfNull(evicted);
        if (!nodes.Any(n => n.State is { Primary: true, ClusterSize: > 1 }))
        {
            return [];
        }

        var live = nodes.Where(n => n.State?.GcommUuid is not null).Select(n => n.State!.GcommUuid!).ToHashSet(StringComparer.Ordinal);
        return [.. nodes
            .Where(n => lastMembers.TryGetValue(n.Pod, out var last) && (!n.Running || n.ContainerId != last.ContainerId || n.State?.Refused == true))
            .Select(n => (n.Pod, lastMembers[n.Pod].MemberId))
            .Where(e => !evicted.Contains(e.MemberId) && !live.Contains(e.MemberId) && IsMemberId(e.MemberId))];
    }

    /// <summary>A Galera member id as <c>wsrep_gcomm_uuid</c> shows it (the only text that goes into the SET statement).</summary>
    public static bool IsMemberId(string value) => MemberId().IsMatch(value);

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex MemberId();
}
