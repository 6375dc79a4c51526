namespace BackendStack.Operator.Runtime.Queue;

/// <summary>
/// An overall token bucket (golang.org/x/time/rate semantics, as client-go's BucketRateLimiter): tokens refill at
/// <c>qps</c> up to <c>burst</c>; each call reserves one token and waits until the bucket would hold it.
/// </summary>
internal sealed class TokenBucketRateLimiter<T> : IRateLimiter<T>
    where T : notnull
{
    private readonly double qps;
    private readonly double burst;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private double tokens;
    private DateTimeOffset last;

    public TokenBucketRateLimiter(double qps, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        ArgumentNullException.ThrowIfNull(time);
        this.qps = qps;
        this.burst = burst;
        this.time = time;
        tokens = burst;
        last = time.GetUtcNow();
    }

    public TimeSpan When(T item)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var elapsed = Math.Max(0, (now - last).TotalSeconds);
            tokens = Math.Min(burst, tokens + (elapsed * qps));
            last = now;
            tokens -= 1;
            return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-tokens / qps);
        }
    }

    public void Forget(T item)
    {
    }

    public int NumRequeues(T item) => 0;
}
