using System.Security.Cryptography;
using System.Text;
using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>
/// The redis and sentinel StatefulSets. Pods start in parallel (the operator, not start order,
/// picks the first master) and update OnDelete, so the operator rolls replicas first and has
/// Sentinel fail over before the master restarts. The template carries a hash of what only a
/// restart applies (startup-only directives, the start script); the rest is set live.
/// </summary>
internal static class StatefulSetBuilder
{
    public const string ConfigHashAnnotation = "backendstack.io/config-hash";

    /// <summary>The redis startup probe's failures (2 s apart) before the kubelet restarts a Redis that does not listen: 2 minutes.</summary>
    public const int StartupProbeFailures = 60;

    public static V1StatefulSet Redis(Api.RedisFailover resource, RedisConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(configuration);
        var names = new RedisFailoverNames(resource.Metadata.Name);
        var spec = resource.Spec.Redis;
        var probe = Ping(RedisFailoverNames.RedisPort);
        var container = Container("redis", spec.Image, RedisFailoverNames.RedisPort, spec.Resources, names, resource);
        container.ReadinessProbe = new V1Probe { Exec = probe, PeriodSeconds = 5, TimeoutSeconds = 2, FailureThreshold = 2 };
        container.LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = RedisFailoverNames.RedisPort }, InitialDelaySeconds = 10, PeriodSeconds = 10, FailureThreshold = 3 };
        // Liveness waits for this: a restarted master's wait for a failover and loading a large data set both come before Redis listens.
        container.StartupProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = RedisFailoverNames.RedisPort }, PeriodSeconds = 2, FailureThreshold = StartupProbeFailures };
        var set = Build(resource, names.RedisStatefulSet, names.RedisHeadlessService, RedisFailoverLabels.RedisComponent, spec.Replicas, container, names.RedisConfigMap, Hash(configuration.StartupPart + StartScripts.Redis));
        if (spec.Storage is { } storage)
        {
            set.Spec.VolumeClaimTemplates =
            [
                new V1PersistentVolumeClaim
                {
                    Metadata = new V1ObjectMeta { Name = "data", Labels = RedisFailoverLabels.For(resource.Metadata.Name, RedisFailoverLabels.RedisComponent) },
                    Spec = new V1PersistentVolumeClaimSpec
                    {
                        AccessModes = ["ReadWriteOnce"],
                        StorageClassName = storage.StorageClassName,
                        Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(storage.Size) } },
                    },
                },
            ];
            var policy = storage.DeletePolicy == DeletePolicy.Delete ? "Delete" : "Retain";
            set.Spec.PersistentVolumeClaimRetentionPolicy = new V1StatefulSetPersistentVolumeClaimRetentionPolicy { WhenDeleted = policy, WhenScaled = "Retain" };
        }
        else
        {
            set.Spec.Template.Spec.Volumes.Add(new V1Volume { Name = "data", EmptyDir = new V1EmptyDirVolumeSource() });
        }

        return set;
    }

    public static V1StatefulSet Sentinel(Api.RedisFailover resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new RedisFailoverNames(resource.Metadata.Name);
        var container = Container("sentinel", resource.Spec.Redis.Image, RedisFailoverNames.SentinelPort, resource.Spec.Sentinel.Resources, names, resource);
        var probe = Ping(RedisFailoverNames.SentinelPort);
        container.ReadinessProbe = new V1Probe { Exec = probe, PeriodSeconds = 5, TimeoutSeconds = 2, FailureThreshold = 2 };
        container.LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = RedisFailoverNames.SentinelPort }, InitialDelaySeconds = 10, PeriodSeconds = 10, FailureThreshold = 3 };
        var set = Build(resource, names.SentinelStatefulSet, names.SentinelHeadlessService, RedisFailoverLabels.SentinelComponent, resource.Spec.Sentinel.Replicas, container, names.SentinelConfigMap, Hash(ConfigMapBuilder.SentinelConf + StartScripts.Sentinel));
        set.Spec.Template.Spec.Volumes.Add(new V1Volume { Name = "data", EmptyDir = new V1EmptyDirVolumeSource() });
        return set;
    }

    private static V1Container Container(string name, string image, int port, V1ResourceRequirements? resources, RedisFailoverNames names, Api.RedisFailover resource) => new()
    {
        Name = name,
        Image = image,
        Command = ["sh", "/etc/redis/start.sh"],
        Ports = [new V1ContainerPort { ContainerPort = port, Name = name }],
        Resources = resources,
        Env =
        [
            new V1EnvVar { Name = "POD_IP", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "status.podIP" } } },
            new V1EnvVar { Name = "REDIS_PASSWORD", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = names.AuthSecret(resource), Key = RedisFailoverNames.PasswordKey } } },
            new V1EnvVar { Name = "SENTINEL_HOST", Value = RedisFailoverNames.ServiceHost(names.SentinelService, resource.Metadata.NamespaceProperty) },
            new V1EnvVar { Name = "MASTER_NAME", Value = names.MasterName },
        ],
        VolumeMounts = [new V1VolumeMount { MountPath = "/data", Name = "data" }, new V1VolumeMount { MountPath = "/etc/redis", Name = "config" }],
    };

    private static V1StatefulSet Build(Api.RedisFailover resource, string name, string serviceName, string component, int replicas, V1Container container, string configMap, string configHash) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "StatefulSet",
        Metadata = ChildMetadata.For(resource, name, RedisFailoverLabels.For(resource.Metadata.Name, component)),
        Spec = new V1StatefulSetSpec
        {
            Replicas = replicas,
            ServiceName = serviceName,
            PodManagementPolicy = "Parallel",
            UpdateStrategy = new V1StatefulSetUpdateStrategy { Type = "OnDelete" },
            Selector = new V1LabelSelector { MatchLabels = RedisFailoverLabels.Selector(resource.Metadata.Name, component) },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta
                {
                    Labels = RedisFailoverLabels.For(resource.Metadata.Name, component),
                    Annotations = new Dictionary<string, string> { [ConfigHashAnnotation] = configHash },
                },
                Spec = new V1PodSpec
                {
                    Containers = [container],
                    TerminationGracePeriodSeconds = 30,
                    Volumes = [new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = configMap } }],
                },
            },
        },
    };

    /// <summary>PING through redis-cli; the password comes from the environment so it never shows in a process list.</summary>
    private static V1ExecAction Ping(int port) => new()
    {
        Command = ["sh", "-c", $"REDISCLI_AUTH=\"$REDIS_PASSWORD\" redis-cli -h 127.0.0.1 -p {port} ping | grep -q PONG"],
    };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
