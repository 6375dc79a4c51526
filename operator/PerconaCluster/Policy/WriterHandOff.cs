namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>What the roll does with the node it is about to restart.</summary>
internal enum WriterHandOff
{
    /// <summary>No ProxySQL writes to it (any more): restart it now.</summary>
    Restart,

    /// <summary>It is a writer: mark its pod as leaving so every ProxySQL moves the writer elsewhere.</summary>
    MarkLeaving,

    /// <summary>Marked, and the writer has not moved yet: wait for it.</summary>
    Wait,
}
