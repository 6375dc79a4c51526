using System.Globalization;
using BackendStack.Operator.Api;
using k8s.Models;

namespace BackendStack.Operator.AppTiers.Builders;

/// <summary>
/// Resolves a tier's connections against the objects they reference (a pure function of the looked-up objects):
/// the ProxySQL endpoint and the cluster user's credentials, the Sentinel endpoints, master name and Redis password, and the
/// Gluster mounts. Credentials are referenced with secretKeyRef, never read.
/// </summary>
internal static class ConnectionResolver
{
    public static ResolvedConnections Resolve(
        AppTier tier, Func<string, ProxySQL?> proxySql, Func<string, PerconaCluster?> percona, Func<string, RedisFailover?> redis, Func<string, GlusterVolume?> gluster)
    {
        var connections = tier.Spec.Connections;
        var env = new List<V1EnvVar>();
        var volumes = new List<V1Volume>();
        var mounts = new List<V1VolumeMount>();
        if (connections?.Database is { } database)
        {
            var (databaseEnv, waiting) = DatabaseConnectionResolver.Resolve(database, proxySql, percona);
            if (waiting is not null)
            {
                return ResolvedConnections.Waiting(waiting);
            }

            env.AddRange(databaseEnv!);
        }

        if (connections?.Redis is { } redisConnection)
        {
            var name = redisConnection.RedisRef.Name;
            var failover = redis(name);
            if (failover is null)
            {
                return ResolvedConnections.Waiting($"RedisFailover {name} does not exist");
            }

            var endpoints = failover.Status?.Endpoints;
            if (string.IsNullOrEmpty(endpoints?.Sentinel) || string.IsNullOrEmpty(endpoints.MasterName))
            {
                return ResolvedConnections.Waiting($"RedisFailover {name} has no Sentinel endpoint yet");
            }

            env.Add(Value(InjectedEnv.RedisSentinels, endpoints.Sentinel));
            env.Add(Value(InjectedEnv.RedisMasterName, endpoints.MasterName));
            if (!string.IsNullOrEmpty(endpoints.Master))
            {
                env.Add(Value(InjectedEnv.RedisMaster, endpoints.Master));
            }

            env.Add(FromSecret(InjectedEnv.RedisPassword, InjectedEnv.RedisAuthSecret(name, failover.Spec.Auth?.SecretName), "password"));
        }

        foreach (var (volume, index) in (connections?.Volumes ?? []).Select((v, i) => (v, i)))
        {
            var name = volume.GlusterVolumeRef.Name;
            var glusterVolume = gluster(name);
            if (glusterVolume is null)
            {
                return ResolvedConnections.Waiting($"GlusterVolume {name} does not exist");
            }

            if (string.IsNullOrEmpty(glusterVolume.Status?.VolumeName))
            {
                return ResolvedConnections.Waiting($"GlusterVolume {name} has no volume yet");
            }

            var volumeName = string.Create(CultureInfo.InvariantCulture, $"gluster-{index}");
            volumes.Add(new V1Volume
            {
                Name = volumeName,
                Glusterfs = new V1GlusterfsVolumeSource { Endpoints = name, Path = glusterVolume.Status.VolumeName },
            });
            mounts.Add(new V1VolumeMount { Name = volumeName, MountPath = volume.MountPath });
        }

        return new ResolvedConnections(env, volumes, mounts);
    }

    /// <summary>"host:port" into its parts; null when absent or malformed.</summary>
    public static (string Host, string Port)? SplitEndpoint(string? endpoint)
    {
        var colon = endpoint?.LastIndexOf(':') ?? -1;
        if (endpoint is null || colon <= 0 || colon == endpoint.Length - 1)
        {
            return null;
        }

        return (endpoint[..colon], endpoint[(colon + 1)..]);
    }

    private static V1EnvVar Value(string name, string value) => new() { Name = name, Value = value };

    /// <summary>An environment variable taken from a Secret's key (the value is never read).</summary>
    public static V1EnvVar FromSecret(string name, string secret, string key) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } },
    };
}
