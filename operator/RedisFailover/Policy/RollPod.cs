namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>A Redis or sentinel pod as a roll sees it: its uid (deletes are conditional on it), revision label, readiness and address.</summary>
internal sealed record RollPod(string Name, string Uid, string? Revision, bool Ready, string? Ip)
{
    /// <summary>The StatefulSet ordinal from the pod name (name-N).</summary>
    public int Ordinal => new RedisNodeObservation(Name, default, null).Ordinal;
}
