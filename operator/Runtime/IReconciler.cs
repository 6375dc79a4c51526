namespace BackendStack.Operator.Runtime;

/// <summary>
/// A level-triggered reconciler: it is handed a key, reads the current state and makes the world match.
/// Throwing requeues the key with backoff; throwing <see cref="TerminalReconcileException"/> does not.
/// </summary>
internal interface IReconciler
{
    Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken);
}
