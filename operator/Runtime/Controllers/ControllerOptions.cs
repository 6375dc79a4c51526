namespace BackendStack.Operator.Runtime.Controllers;

/// <summary>
/// How many keys one controller reconciles at once, and whether the watch's echo of a write the controller made itself
/// (a child it created or patched, its own status) wakes it again. A reconciler that finished its work with that write
/// has nothing to learn from the echo; one that relies on the echo to take its next step must leave it on.
/// </summary>
internal sealed record ControllerOptions(int MaxConcurrentReconciles = 4, bool WakeOnOwnWrites = true);
