namespace BackendStack.Operator.Runtime.Queue;

/// <summary>Decides how long an item waits before it is retried (client-go's workqueue.TypedRateLimiter).</summary>
internal interface IRateLimiter<in T>
    where T : notnull
{
    /// <summary>Records one more failure of <paramref name="item"/> and returns how long it should wait.</summary>
    TimeSpan When(T item);

    /// <summary>Clears the failure history of <paramref name="item"/>.</summary>
    void Forget(T item);

    int NumRequeues(T item);
}
