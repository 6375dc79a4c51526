using System.Text.RegularExpressions;

namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>
/// Which dead nodes to evict from the Galera group at once. A node whose mariadbd is gone (its container is not
/// running, or its port refuses connections: a live mariadbd always listens) still counts as a member until the others
/// suspect it (<c>evs.suspect_timeout</c>, 5 s by default), and every commit in the cluster waits until then. The
/// operator knows sooner, from the pod, and evicts the old process's member id (<c>evs.evict</c>) through the Primary
/// component; the node's next start joins with a new id. Only while the survivors still count more members than
/// answer (a node that left cleanly is already out of the view), and never an id that is live, already evicted or unknown.
/// </summary>
internal static partial class EvictionPolicy
{
    public static IReadOnlyList<(string Pod, string MemberId)> ToEvict(
        IReadOnlyList<GaleraNode> nodes, IReadOnlyDictionary<string, string> lastMembers, IReadOnlySet<string> evicted)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(lastMembers);
        ArgumentNullException.ThrowIfNull(evicted);
        var live = nodes.Where(n => n.State?.GcommUuid is not null).Select(n => n.State!.GcommUuid!).ToHashSet(StringComparer.Ordinal);
        var counted = nodes.Where(n => n.State?.Primary == true).Max(n => n.State!.ClusterSize) ?? 0;
        if (counted <= Math.Max(1, live.Count))
        {
            return [];
        }

        return [.. nodes
            .Where(n => lastMembers.ContainsKey(n.Pod) && (!n.Running || n.State?.Refused == true))
            .Select(n => (n.Pod, MemberId: lastMembers[n.Pod]))
            .Where(e => !evicted.Contains(e.MemberId) && !live.Contains(e.MemberId) && IsMemberId(e.MemberId))];
    }

    /// <summary>A Galera member id as <c>wsrep_gcomm_uuid</c> shows it (the only text that goes into the SET statement).</summary>
    public static bool IsMemberId(string value) => MemberId().IsMatch(value);

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex MemberId();
}
