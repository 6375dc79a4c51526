using System.Collections.Concurrent;

namespace BackendStack.Operator.Runtime.Writes;

/// <summary>
/// Remembers, per object, since when an in-between status has been waiting to be written and how long it may wait
/// (see <see cref="StatusWriteDecision"/>). The wait is fixed when it starts, from how many objects are in between
/// at that moment (<see cref="WindowFor"/>). Held in memory only: after a restart an in-between status waits one
/// more window at most.
/// </summary>
internal sealed class StatusSettleWindow(TimeProvider time)
{
    /// <summary>Short enough that whoever watches one rollout sees it under way promptly; long enough to skip the steps of a fast one.</summary>
    public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

    /// <summary>The bound on how late an in-between status is shown, however many objects roll out at once.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

    /// <summary>How much each object already waiting adds to the window of the next one.</summary>
    public static readonly TimeSpan PerObjectWaiting = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<ObjectKey, Pending> pending = new();

    /// <summary>
    /// How long an in-between status may wait when <paramref name="waiting"/> objects are already waiting: one second
    /// for a rollout on its own, growing with a burst (a hundred at once or more: ten seconds). In a burst every step
    /// of every object costs a write and a watch event to everyone watching the kind, the operator and the API server
    /// fall behind, each object takes longer to settle and nobody follows the steps of each one.
    /// </summary>
    public static TimeSpan WindowFor(int waiting)
    {
        var stretched = PerObjectWaiting * waiting;
        return stretched < Shortest ? Shortest : stretched > Longest ? Longest : stretched;
    }

    public StatusWriteDecision Decide(ObjectKey key, bool changed, bool inBetween)
    {
        var now = time.GetUtcNow();
        var waiting = pending.TryGetValue(key, out var p) ? p : (Pending?)null;
        var window = waiting?.Window ?? WindowFor(pending.Count);
        var decision = StatusWriteDecision.For(changed, inBetween, waiting?.Since, now, window);
        if (!changed)
        {
            pending.TryRemove(key, out _);
        }
        else if (!decision.Write && waiting is null)
        {
            pending[key] = new Pending(now, window);
        }

        return decision;
    }

    /// <summary>The status was written (or the object is gone): the next in-between status starts a new window.</summary>
    public void Forget(ObjectKey key) => pending.TryRemove(key, out _);

    private readonly record struct Pending(DateTimeOffset Since, TimeSpan Window);
}
