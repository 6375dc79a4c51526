namespace BackendStack.Operator.Runtime.Writes;

/// <summary>What applying one desired child did.</summary>
internal enum ApplyOutcome
{
    Unchanged,
    Created,
    Updated,
}
