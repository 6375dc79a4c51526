using System.Globalization;

namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>
/// Decides a full-crash recovery. Only for a cluster that has formed (a new one bootstraps itself from ordinal 0)
/// and only while no node reports a Primary component and every node of the StatefulSet runs (a node still
/// restarting may hold the newest write). The node is <see cref="BootstrapPolicy"/>'s choice; with autoRecovery off,
/// the operator still starts the node that stopped last and cleanly (safe_to_bootstrap: no choice to make) and
/// otherwise waits for <c>backendstack.io/bootstrap-from</c>.
/// </summary>
internal static class RecoveryPolicy
{
    public const string BootstrapFromAnnotation = "backendstack.io/bootstrap-from";

    public static RecoveryDecision Decide(string cluster, bool formed, int replicas, IReadOnlyList<GaleraNode> nodes, bool autoRecovery, string? bootstrapFrom)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (!formed || replicas == 0 || nodes.Any(n => n.State?.Primary == true))
        {
            return RecoveryDecision.None;
        }

        if (nodes.Count < replicas)
        {
            return RecoveryDecision.Wait($"{replicas - nodes.Count} of {replicas} node pods do not exist yet");
        }

        if (nodes.FirstOrDefault(n => !n.Running) is { } down)
        {
            return RecoveryDecision.Wait($"{down.Pod} is not running");
        }

        var unknown = nodes.Where(n => n.Seqno is null).ToList();
        if (unknown.Count > 0)
        {
            return nodes.Any(n => n.State?.Reachable != true && n.Position is null)
                ? new RecoveryDecision(null, null, "reading each node's last committed seqno", null, NeedsPositions: true)
                : RecoveryDecision.Wait($"seqno unknown: {string.Join(", ", unknown.Select(n => n.PositionError is null ? n.Pod : $"{n.Pod} ({n.PositionError})"))}");
        }

        var seqnos = nodes.Select(n => new GaleraNodeSeqno(n.Ordinal, n.Seqno, n.Position?.SafeToBootstrap == true)).ToList();
        var chosen = BootstrapPolicy.ChooseAfterFullCrash(seqnos, anyPrimary: false)!;
        var node = nodes.First(n => n.Ordinal == chosen.Ordinal);
        if (autoRecovery || chosen.SafeToBootstrap)
        {
            return new RecoveryDecision(node, chosen.Seqno, null, null, false);
        }

        if (bootstrapFrom is not null && nodes.FirstOrDefault(n => n.Pod == bootstrapFrom) is { } picked)
        {
            return new RecoveryDecision(picked, picked.Seqno, null, null, false);
        }

        var list = string.Join(", ", nodes.Select(n => $"{n.Pod} seqno {n.Seqno?.ToString(CultureInfo.InvariantCulture)}"));
        return new RecoveryDecision(null, null, null,
            $"every node is down and autoRecovery is false: {list}; the highest is {node.Pod}. Choose with: kubectl annotate pxc {cluster} {BootstrapFromAnnotation}={node.Pod}", false);
    }
}
