namespace BackendStack.Emulator.Semantics;

/// <summary>Query options of a write: fieldValidation (Strict/Warn/Ignore), dryRun, fieldManager.</summary>
internal sealed record WriteOptions(string FieldValidation = "Ignore", bool DryRun = false, string FieldManager = "")
{
    public static readonly WriteOptions Default = new();
    public bool Strict => string.Equals(FieldValidation, "Strict", StringComparison.OrdinalIgnoreCase);
}
