using k8s.Models;

namespace BackendStack.Operator.AppTiers.Builders;

/// <summary>
/// What a tier's connections resolved to: the environment variables and volumes to inject, or the first
/// dependency that is missing or has not published its endpoint yet.
/// </summary>
internal sealed record ResolvedConnections(IReadOnlyList<V1EnvVar> Env, IReadOnlyList<V1Volume> Volumes, IReadOnlyList<V1VolumeMount> Mounts)
{
    public string? NotReady { get; init; }

    public static ResolvedConnections Waiting(string reason) => new([], [], []) { NotReady = reason };
}
