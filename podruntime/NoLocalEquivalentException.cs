namespace BackendStack.PodRuntime;

/// <summary>A container cannot run on this host; the Pod stays Pending with <see cref="Reason"/>.</summary>
public sealed class NoLocalEquivalentException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}
