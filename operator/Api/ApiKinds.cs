namespace BackendStack.Operator.Api;

/// <summary>Every kind of the API, in the order the documentation lists them.</summary>
public static class ApiKinds
{
    /// <summary>The kind types; each carries a <see cref="k8s.Models.KubernetesEntityAttribute"/>.</summary>
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(RedisFailover),
        typeof(PerconaCluster),
        typeof(ProxySQL),
        typeof(AppTier),
        typeof(GlusterVolume),
        typeof(BackupSchedule),
        typeof(Backup),
    ];
}
