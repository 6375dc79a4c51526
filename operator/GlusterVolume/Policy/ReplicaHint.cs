namespace BackendStack.Operator.GlusterVolumes.Policy;

/// <summary>What to tell a person about the number of bricks: replica 2 cannot keep a majority when one brick is away.</summary>
internal static class ReplicaHint
{
    /// <summary>The warning for <paramref name="replicas"/> bricks, or null when there is nothing to say.</summary>
    public static string? For(int replicas) => replicas == 2
        ? "replica 2 has no majority when one brick is away: with cluster.quorum-type=auto the first brick decides, and a split brain is possible; use replicas: 3 (or an arbiter)"
        : null;
}
