namespace BackendStack.Operator.Runtime.Writes;

/// <summary>A child's name is taken by an object this owner does not control; the operator leaves it alone.</summary>
internal sealed class ChildOwnershipException : Exception
{
    public ChildOwnershipException()
    {
    }

    public ChildOwnershipException(string message)
        : base(message)
    {
    }

    public ChildOwnershipException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
