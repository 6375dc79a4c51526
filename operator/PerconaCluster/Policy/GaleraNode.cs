using BackendStack.Operator.DataPlane.Galera;

namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>
/// One node as the reconcile saw it: its pod, whether its container is running, its status read (null without a
/// pod IP), and the position its datadir records (read through pods/exec only when no node is Primary).
/// </summary>
internal sealed record GaleraNode(string Pod, int Ordinal, bool Running, bool PodReady, string? Revision, GaleraNodeState? State, GaleraNodeSeqno? Position = null, string? PositionError = null)
{
    public bool Synced => State?.Synced == true;

    /// <summary>The seqno to choose a bootstrap node by: the live node's last committed, else the recorded one.</summary>
    public long? Seqno => State is { Reachable: true, LastCommitted: { } committed and >= 0 } ? committed : Position?.Seqno;
}
