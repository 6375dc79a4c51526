namespace BackendStack.PodRuntime.Probes;

/// <summary>
/// One probe attempt: whether it passed and, when it did not, why in the kubelet's words (the exec
/// command's exit code and output, the refused connection, the timeout), with how long it took.
/// </summary>
public sealed record ProbeResult(bool Success, string Detail, TimeSpan Elapsed)
{
    /// <summary>Longest output kept from an exec probe, as the kubelet caps what it puts in an Event.</summary>
    public const int MaxDetailLength = 1024;
}
