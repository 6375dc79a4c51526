namespace BackendStack.Operator.Runtime.Queue;

/// <summary>client-go's DefaultTypedControllerRateLimiter: per-item 5 ms..1000 s backoff and an overall 10 qps / 100 burst bucket.</summary>
internal static class ControllerRateLimiter
{
    public static IRateLimiter<T> Create<T>(TimeProvider time)
        where T : notnull =>
        new MaxOfRateLimiter<T>(
            new ItemExponentialFailureRateLimiter<T>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)),
            new TokenBucketRateLimiter<T>(qps: 10, burst: 100, time));
}
