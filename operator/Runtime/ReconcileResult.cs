namespace BackendStack.Operator.Runtime;

/// <summary>
/// What a reconcile asks of the queue: nothing (done), a delayed requeue, or a rate-limited requeue.
/// Errors are reported by throwing, not through the result.
/// </summary>
internal readonly record struct ReconcileResult(TimeSpan? RequeueAfter = null, bool Requeue = false)
{
    public static ReconcileResult Done => default;

    public static ReconcileResult After(TimeSpan delay) => new(delay);
}
