namespace BackendStack.Operator.Runtime.Writes;

/// <summary>
/// Whether to write a computed status now, and if not, how long to wait before looking again. A status that is in
/// between (a rollout under way: it will change again soon) waits up to a settle window from the moment it first
/// differed, so an object that settles within the window costs one status write instead of one per intermediate
/// step; a final status (ready, degraded, an error) is written at once, and an object that stays in between still
/// shows its in-between status once the window has passed.
/// </summary>
internal readonly record struct StatusWriteDecision(bool Write, TimeSpan? WaitFor)
{
    public static StatusWriteDecision Nothing => default;

    public static StatusWriteDecision Now => new(true, null);

    /// <param name="changed">The computed status differs from the one the object has.</param>
    /// <param name="inBetween">The computed status is a transient one, expected to change again without anyone acting.</param>
    /// <param name="pendingSince">When the object's status first differed while in between, if it did and was not written since.</param>
    /// <param name="now">The current time.</param>
    /// <param name="window">How long an in-between status may wait.</param>
    public static StatusWriteDecision For(bool changed, bool inBetween, DateTimeOffset? pendingSince, DateTimeOffset now, TimeSpan window)
    {
        if (!changed)
        {
            return Nothing;
        }

        if (!inBetween)
        {
            return Now;
        }

        var waited = pendingSince is { } since ? now - since : TimeSpan.Zero;
        return waited >= window ? Now : new(false, window - waited);
    }
}
