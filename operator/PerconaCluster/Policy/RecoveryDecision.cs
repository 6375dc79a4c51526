namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>
/// What to do about a cluster without a Primary component: nothing (<see cref="Bootstrap"/> null, <see cref="Waiting"/>
/// null: it has one, or it is not formed yet), wait (<see cref="Waiting"/> says for what), or bootstrap one node.
/// <see cref="FullCrash"/> is set when every node is down and the operator waits for a person's choice.
/// </summary>
internal sealed record RecoveryDecision(GaleraNode? Bootstrap, long? Seqno, string? Waiting, string? FullCrash, bool NeedsPositions)
{
    public static readonly RecoveryDecision None = new(null, null, null, null, false);

    public static RecoveryDecision Wait(string why) => new(null, null, why, null, false);
}
