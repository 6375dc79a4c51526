using System.Collections.Concurrent;

namespace BackendStack.Operator.Runtime.Writes;

/// <summary>
/// Remembers, per object, since when an in-between status has been waiting to be written (see
/// <see cref="StatusWriteDecision"/>). Held in memory only: after a restart an in-between status waits one more
/// window at most.
/// </summary>
internal sealed class StatusSettleWindow(TimeSpan window, TimeProvider time)
{
    /// <summary>Short enough that whoever watches sees a rollout under way promptly; long enough to skip the steps of a fast one.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<ObjectKey, DateTimeOffset> pendingSince = new();

    public StatusWriteDecision Decide(ObjectKey key, bool changed, bool inBetween)
    {
        var now = time.GetUtcNow();
        var since = pendingSince.TryGetValue(key, out var s) ? s : (DateTimeOffset?)null;
        var decision = StatusWriteDecision.For(changed, inBetween, since, now, window);
        if (!changed)
        {
            pendingSince.TryRemove(key, out _);
        }
        else if (!decision.Write && since is null)
        {
            pendingSince[key] = now;
        }

        return decision;
    }

    /// <summary>The status was written (or the object is gone): the next in-between status starts a new window.</summary>
    public void Forget(ObjectKey key) => pendingSince.TryRemove(key, out _);
}
