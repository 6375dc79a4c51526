namespace BackendStack.Operator.Runtime;

/// <summary>An error that retrying cannot fix (the object must change first): the key is not requeued.</summary>
internal sealed class TerminalReconcileException : Exception
{
    public TerminalReconcileException()
    {
    }

    public TerminalReconcileException(string message)
        : base(message)
    {
    }

    public TerminalReconcileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
