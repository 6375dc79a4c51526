namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>Names of a RedisFailover's children, derived from the resource name.</summary>
internal sealed record RedisFailoverNames(string Name)
{
    public const int RedisPort = 6379;
    public const int SentinelPort = 26379;
    public const string PasswordKey = "password";

    public string RedisStatefulSet => $"{Name}-redis";
    public string RedisHeadlessService => $"{Name}-redis-headless";
    public string MasterService => $"{Name}-redis-master";
    public string ReplicasService => $"{Name}-redis-replicas";
    public string SentinelStatefulSet => $"{Name}-sentinel";
    public string SentinelHeadlessService => $"{Name}-sentinel-headless";
    public string SentinelService => $"{Name}-sentinel";
    public string RedisConfigMap => $"{Name}-redis-config";
    public string SentinelConfigMap => $"{Name}-sentinel-config";
    public string DefaultAuthSecret => $"{Name}-redis-auth";
    public string RedisDisruptionBudget => $"{Name}-redis";
    public string SentinelDisruptionBudget => $"{Name}-sentinel";

    /// <summary>The name the sentinels monitor the master under.</summary>
    public string MasterName => Name;

    public string AuthSecret(Api.RedisFailover resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Spec.Auth?.SecretName ?? DefaultAuthSecret;
    }

    public string RedisPod(int ordinal) => $"{RedisStatefulSet}-{ordinal}";

    public static string ServiceHost(string service, string? ns) => $"{service}.{ns ?? "default"}.svc";
}
