namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>
/// Moves the writer away before a roll restarts the node ProxySQL writes to, so the roll costs the application no
/// failed write: mark the node leaving, wait until no ProxySQL names it as writer, then restart it. A ProxySQL that does
/// not move its writer within <see cref="Patience"/> (down, or not configured) does not hold the roll up for longer.
/// A marked node keeps its open transactions (ProxySQL's OFFLINE_SOFT) for at least <see cref="Drain"/> before it restarts.
/// </summary>
internal static class WriterHandOffPolicy
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan Drain = TimeSpan.FromSeconds(2);

    public static WriterHandOff Decide(string pod, IReadOnlySet<string> writers, DateTimeOffset? markedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(writers);
        if (markedAt is not { } marked)
        {
            return writers.Contains(pod) ? WriterHandOff.MarkLeaving : WriterHandOff.Restart;
        }

        var waited = now - marked;
        return waited >= Patience || (!writers.Contains(pod) && waited >= Drain) ? WriterHandOff.Restart : WriterHandOff.Wait;
    }
}
