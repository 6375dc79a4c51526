namespace BackendStack.Operator.DataPlane.Galera;

/// <summary>
/// What one node said about itself in one status read (status variables only: never a table scan), or why it
/// could not be read (<see cref="Error"/>; every other field is then null).
/// </summary>
internal sealed record GaleraNodeState(
    string? StateComment,
    int? ClusterSize,
    string? ClusterStatus,
    bool? Ready,
    long? LastCommitted,
    string? ClusterStateUuid,
    double? FlowControlPaused,
    long? LocalRecvQueue,
    string? GcommUuid = null,
    string? Error = null)
{
    /// <summary>The node answered the status read.</summary>
    public bool Reachable => Error is null;

    /// <summary>The node is in a Primary component.</summary>
    public bool Primary => ClusterStatus == "Primary";

    /// <summary>The node is Synced in a Primary component and accepts queries.</summary>
    public bool Synced => Primary && StateComment == "Synced" && Ready == true;

    public static GaleraNodeState Unreachable(string error) => new(null, null, null, null, null, null, null, null, Error: error);
}
