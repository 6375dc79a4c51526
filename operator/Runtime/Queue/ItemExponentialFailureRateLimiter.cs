namespace BackendStack.Operator.Runtime.Queue;

/// <summary>Per-item exponential backoff: baseDelay * 2^failures, capped at maxDelay.</summary>
internal sealed class ItemExponentialFailureRateLimiter<T>(TimeSpan baseDelay, TimeSpan maxDelay) : IRateLimiter<T>
    where T : notnull
{
    private readonly Dictionary<T, int> failures = [];
    private readonly Lock gate = new();

    public TimeSpan When(T item)
    {
        int exponent;
        lock (gate)
        {
            failures.TryGetValue(item, out exponent);
            failures[item] = exponent + 1;
        }

        // 2^exponent overflows long before it matters; cap the exponent first.
        var delay = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(exponent, 62));
        return delay >= maxDelay.TotalMilliseconds ? maxDelay : TimeSpan.FromMilliseconds(delay);
    }

    public void Forget(T item)
    {
        lock (gate)
        {
            failures.Remove(item);
        }
    }

    public int NumRequeues(T item)
    {
        lock (gate)
        {
            return failures.GetValueOrDefault(item);
        }
    }
}
