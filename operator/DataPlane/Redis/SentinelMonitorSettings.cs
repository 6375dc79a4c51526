namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>The per-master settings the operator keeps every sentinel on (SENTINEL MONITOR + SET).</summary>
internal sealed record SentinelMonitorSettings(
    int Quorum,
    int DownAfterMilliseconds,
    int FailoverTimeout,
    int ParallelSyncs)
{
    /// <summary>Whether a sentinel's view already carries these settings.</summary>
    public bool MatchedBy(SentinelMasterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Quorum == Quorum
            && view.DownAfterMilliseconds == DownAfterMilliseconds
            && view.FailoverTimeout == FailoverTimeout
            && view.ParallelSyncs == ParallelSyncs;
    }
}
