namespace BackendStack.Operator.DataPlane.Galera;

/// <summary>
/// What one node said about itself in one status read (status variables only: never a table scan), or why it
/// could not be read (<see cref="Error"/>; every other field is then null). <see cref="Refused"/>: nothing listened on the
/// node's port, so no mariadbd holds it (unlike a node that does not answer in time).
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
    string? Error = null,
    bool Refused = false)
{
    /// <summary>The node answered the status read.</summary>
    public bool Reachable => Error is null;

    /// <summary>The node is in a Primary component.</summary>
    public bool Primary => ClusterStatus == "Primary";

    /// <summary>The node is Synced in a Primary component and accepts queries.</summary>
    public bool Synced => Primary && StateComment == "Synced" && Ready == true;

    public static GaleraNodeState Unreachable(string error, bool refused = false) => new(null, null, null, null, null, null, null, null, Error: error, Refused: refused);
}
