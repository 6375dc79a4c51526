using System.Security.Cryptography;
using System.Text;
using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.PerconaClusters.Builders;

/// <summary>
/// The StatefulSet <c>&lt;name&gt;-pxc</c>. Pods start in parallel (start.sh and the operator, not start order,
/// decide the bootstrap, and a pod that waits for a Primary component must not hold back its peers) and update
/// OnDelete: the operator changes replicas and rolls nodes one at a time, each only once the last is Synced. The
/// template carries a hash of node.cnf and the scripts, so a change to them rolls the nodes. Readiness is Galera's
/// own state (ready.sh); liveness waits for a startup probe long enough for a state transfer.
/// </summary>
internal static class StatefulSetBuilder
{
    public const string ConfigHashAnnotation = "backendstack.io/config-hash";
    public const string ContainerName = "pxc";

    /// <summary>
    /// The startup probe's failures (2 s apart) before the kubelet restarts a node that never listens: 10 minutes of SST.
    /// Readiness probes only begin once it passed, so its period is what a joined node waits before it can be ready.
    /// </summary>
    public const int StartupProbeFailures = 300;

    public static V1StatefulSet Build(Api.PerconaCluster resource, NodeConfig config, int replicas)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(config);
        var names = new PerconaClusterNames(resource.Metadata.Name);
        var labels = PerconaClusterLabels.For(resource.Metadata.Name);
        var set = new V1StatefulSet
        {
            ApiVersion = "apps/v1",
            Kind = "StatefulSet",
            Metadata = ChildMetadata.For(resource, names.StatefulSet, labels),
            Spec = new V1StatefulSetSpec
            {
                Replicas = replicas,
                ServiceName = names.PeerService,
                PodManagementPolicy = "Parallel",
                UpdateStrategy = new V1StatefulSetUpdateStrategy { Type = "OnDelete" },
                Selector = new V1LabelSelector { MatchLabels = PerconaClusterLabels.Selector(resource.Metadata.Name) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta
                    {
                        Labels = PerconaClusterLabels.For(resource.Metadata.Name),
                        Annotations = new Dictionary<string, string> { [ConfigHashAnnotation] = Hash(config.RestartPart) },
                    },
                    Spec = new V1PodSpec
                    {
                        Containers = [Container(resource, names)],
                        // A clean stop writes grastate.dat with the seqno and, for the last node, safe_to_bootstrap.
                        TerminationGracePeriodSeconds = 120,
                        Volumes = [new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = names.ConfigMap } }],
                    },
                },
            },
        };
        if (resource.Spec.Storage is { } storage)
        {
            set.Spec.VolumeClaimTemplates =
            [
                new V1PersistentVolumeClaim
                {
                    Metadata = new V1ObjectMeta { Name = "datadir", Labels = PerconaClusterLabels.For(resource.Metadata.Name) },
                    Spec = new V1PersistentVolumeClaimSpec
                    {
                        AccessModes = ["ReadWriteOnce"],
                        StorageClassName = storage.StorageClassName,
                        Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(storage.Size) } },
                    },
                },
            ];
            set.Spec.PersistentVolumeClaimRetentionPolicy = new V1StatefulSetPersistentVolumeClaimRetentionPolicy
            {
                WhenDeleted = storage.DeletePolicy == DeletePolicy.Delete ? "Delete" : "Retain",
                WhenScaled = "Retain",
            };
        }
        else
        {
            set.Spec.Template.Spec.Volumes.Add(new V1Volume { Name = "datadir", EmptyDir = new V1EmptyDirVolumeSource() });
        }

        return set;
    }

    private static V1Container Container(Api.PerconaCluster resource, PerconaClusterNames names) => new()
    {
        Name = ContainerName,
        Image = resource.Spec.Image,
        Command = ["sh", $"{PerconaClusterNames.ConfigDirectory}/{PerconaClusterNames.StartScriptKey}"],
        Resources = resource.Spec.Resources,
        Ports =
        [
            new V1ContainerPort { Name = "mysql", ContainerPort = PerconaClusterNames.MysqlPort },
            new V1ContainerPort { Name = "galera", ContainerPort = PerconaClusterNames.GaleraPort },
            new V1ContainerPort { Name = "ist", ContainerPort = PerconaClusterNames.IstPort },
            new V1ContainerPort { Name = "sst", ContainerPort = PerconaClusterNames.SstPort },
        ],
        Env =
        [
            SecretEnv("MYSQL_ROOT_PASSWORD", names.Secret(resource), SystemUsers.Root),
            SecretEnv("MONITOR_PASSWORD", names.Secret(resource), SystemUsers.Monitor),
            ConfigEnv("CLUSTER_SIZE", names.ConfigMap, PerconaClusterNames.SizeKey),
            ConfigEnv("BOOTSTRAP", names.ConfigMap, PerconaClusterNames.BootstrapKey),
            new V1EnvVar { Name = "STATEFULSET", Value = names.StatefulSet },
            new V1EnvVar { Name = "PEER_SERVICE", Value = names.PeerService },
        ],
        VolumeMounts =
        [
            new V1VolumeMount { Name = "datadir", MountPath = PerconaClusterNames.DataDirectory },
            new V1VolumeMount { Name = "config", MountPath = PerconaClusterNames.ConfigDirectory },
        ],
        ReadinessProbe = new V1Probe
        {
            Exec = new V1ExecAction { Command = ["sh", $"{PerconaClusterNames.ConfigDirectory}/{PerconaClusterNames.ReadyScriptKey}"] },
            PeriodSeconds = 2,
            TimeoutSeconds = 3,
            FailureThreshold = 1,
        },
        StartupProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = PerconaClusterNames.MysqlPort }, PeriodSeconds = 2, FailureThreshold = StartupProbeFailures },
        LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = PerconaClusterNames.MysqlPort }, PeriodSeconds = 10, TimeoutSeconds = 5, FailureThreshold = 3 },
    };

    private static V1EnvVar SecretEnv(string name, string secret, string key) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } } };

    private static V1EnvVar ConfigEnv(string name, string configMap, string key) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = configMap, Key = key } } };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
