namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>
/// Moves the writer away before a roll restarts the node ProxySQL writes to, so the roll costs the application no
/// failed write: mark the node leaving, wait until no ProxySQL names it as writer, then restart it. A ProxySQL that does
/// not move its writer within <see cref="Patience"/> (down, or not configured) does not hold the roll up for longer.
/// </summary>
internal static class WriterHandOffPolicy
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static WriterHandOff Decide(string pod, IReadOnlySet<string> writers, DateTimeOffset? markedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(writers);
        if (!writers.Contains(pod))
        {
            return WriterHandOff.Restart;
        }

        if (markedAt is not { } marked)
        {
            return WriterHandOff.MarkLeaving;
        }

        return now - marked >= Patience ? WriterHandOff.Restart : WriterHandOff.Wait;
    }
}
