namespace BackendStack.Emulator.Semantics;

/// <summary>metav1.DeleteOptions as far as the emulator honours them.</summary>
internal sealed record DeleteOptions(string? PropagationPolicy = null, string? PreconditionUid = null,
    string? PreconditionResourceVersion = null, bool DryRun = false)
{
    public static readonly DeleteOptions Default = new();
}
