namespace BackendStack.Operator.Runtime.Controllers;

/// <summary>How many keys one controller reconciles at once.</summary>
internal sealed record ControllerOptions(int MaxConcurrentReconciles = 4);
