namespace BackendStack.Emulator.Resources;

/// <summary>
/// The fields behind a scale subresource (".spec.replicas" style paths). A null selector path means the
/// built-in rule: the selector is spec.selector.
/// </summary>
internal sealed record ScalePaths(string SpecReplicas, string StatusReplicas, string? LabelSelector)
{
    public static readonly ScalePaths BuiltIn = new(".spec.replicas", ".status.replicas", null);
}
