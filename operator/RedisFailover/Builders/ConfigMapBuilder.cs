using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>The redis and sentinel ConfigMaps: rendered config plus the start script of each (and, for redis, how long a restarted master waits).</summary>
internal static class ConfigMapBuilder
{
    public const string RedisConfKey = "redis.conf";
    public const string SentinelConfKey = "sentinel.conf";
    public const string StartScriptKey = "start.sh";

    /// <summary>Seconds a restarted master waits for a failover (<see cref="MasterRestartWait"/>); read at start, so no restart follows a change.</summary>
    public const string MasterRestartWaitKey = "master-restart-wait";

    /// <summary>Sentinel starts monitoring nothing; the operator issues SENTINEL MONITOR with the spec's settings.</summary>
    public const string SentinelConf = """
        port 26379
        dir /data
        protected-mode no
        sentinel resolve-hostnames no

        """;

    public static V1ConfigMap Redis(Api.RedisFailover resource, RedisConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(configuration);
        return Build(
            resource,
            new RedisFailoverNames(resource.Metadata.Name).RedisConfigMap,
            RedisFailoverLabels.RedisComponent,
            new()
            {
                [RedisConfKey] = configuration.File,
                [StartScriptKey] = StartScripts.Redis,
                [MasterRestartWaitKey] = MasterRestartWait.Seconds(resource.Spec).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
    }

    public static V1ConfigMap Sentinel(Api.RedisFailover resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Build(
            resource,
            new RedisFailoverNames(resource.Metadata.Name).SentinelConfigMap,
            RedisFailoverLabels.SentinelComponent,
            new() { [SentinelConfKey] = SentinelConf, [StartScriptKey] = StartScripts.Sentinel });
    }

    private static V1ConfigMap Build(Api.RedisFailover resource, string name, string component, Dictionary<string, string> data) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = ChildMetadata.For(resource, name, RedisFailoverLabels.For(resource.Metadata.Name, component)),
        Data = data,
    };
}
