namespace BackendStack.Operator.Runtime.Informers;

/// <summary>
/// One list-and-watch of an informer: a namespace (null: the whole cluster), the resourceVersion its watch resumes
/// from and its own backoff, so a namespace whose watch breaks does not hold up the others.
/// </summary>
internal sealed class InformerScope(string? @namespace, ReconnectBackoff backoff)
{
    public string? Namespace { get; } = @namespace;

    /// <summary>What logs call this scope: the namespace, or "all namespaces".</summary>
    public string Name { get; } = @namespace ?? "all namespaces";

    public ReconnectBackoff Backoff { get; } = backoff;

    /// <summary>The resourceVersion the next watch starts from (the last one seen).</summary>
    public string? LastResourceVersion { get; set; }

    /// <summary>How many LISTs (full relists, not pages) this scope has made.</summary>
    public int ListCount { get; set; }
}
