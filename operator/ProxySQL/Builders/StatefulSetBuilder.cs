using System.Security.Cryptography;
using System.Text;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.ProxySQLs.Builders;

/// <summary>
/// The StatefulSet <c>&lt;name&gt;-proxysql</c> of <c>spec.replicas</c> ProxySQL pods, started in parallel. Each pod runs
/// start.sh with the admin passwords from Secrets (the local admin's from the cluster's <c>proxyadmin</c> key, the
/// operator's from the admin Secret), keeps its datadir in an emptyDir, and is ready once the admin interface answers.
/// The template carries a hash of proxysql.cnf and the script, so a change to them rolls the pods.
/// </summary>
internal static class StatefulSetBuilder
{
    public const string ConfigHashAnnotation = "backendstack.io/config-hash";

    /// <summary>The readiness check: the local admin answers on the pod's own loopback (the password in MYSQL_PWD, never in argv).</summary>
    public static readonly IList<string> ReadyCommand =
        ["sh", "-c", $"MYSQL_PWD=\"$ADMIN_PASSWORD\" mysql -h127.0.0.1 -P{ProxySqlNames.AdminPort} -uadmin -N -e 'SELECT 1' | grep -q 1"];

    public static V1StatefulSet Build(Api.ProxySQL resource, string clusterSecret, string proxyAdminKey)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new ProxySqlNames(resource.Metadata.Name);
        var config = ConfigMapBuilder.Config(resource.Spec) + ConfigMapBuilder.StartScript;
        return new V1StatefulSet
        {
            ApiVersion = "apps/v1",
            Kind = "StatefulSet",
            Metadata = ChildMetadata.For(resource, names.StatefulSet, ProxySqlLabels.For(resource.Metadata.Name)),
            Spec = new V1StatefulSetSpec
            {
                Replicas = resource.Spec.Replicas,
                ServiceName = names.PeerService,
                PodManagementPolicy = "Parallel",
                Selector = new V1LabelSelector { MatchLabels = ProxySqlLabels.Selector(resource.Metadata.Name) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta
                    {
                        Labels = ProxySqlLabels.For(resource.Metadata.Name),
                        Annotations = new Dictionary<string, string> { [ConfigHashAnnotation] = Hash(config) },
                    },
                    Spec = new V1PodSpec
                    {
                        TerminationGracePeriodSeconds = 10,
                        Containers = [Container(resource, names, clusterSecret, proxyAdminKey)],
                        Volumes =
                        [
                            new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = names.ConfigMap } },
                            new V1Volume { Name = "data", EmptyDir = new V1EmptyDirVolumeSource() },
                        ],
                    },
                },
            },
        };
    }

    private static V1Container Container(Api.ProxySQL resource, ProxySqlNames names, string clusterSecret, string proxyAdminKey) => new()
    {
        Name = ProxySqlNames.ContainerName,
        Image = resource.Spec.Image,
        Command = ["sh", $"{ProxySqlNames.ConfigDirectory}/{ProxySqlNames.StartScriptKey}"],
        Resources = resource.Spec.Resources,
        Ports =
        [
            new V1ContainerPort { Name = "admin", ContainerPort = ProxySqlNames.AdminPort },
            new V1ContainerPort { Name = "mysql", ContainerPort = ProxySqlNames.MysqlPort },
        ],
        Env =
        [
            SecretEnv("ADMIN_PASSWORD", clusterSecret, proxyAdminKey),
            SecretEnv("OPERATOR_PASSWORD", names.AdminSecret, ProxySqlNames.OperatorPasswordKey),
        ],
        VolumeMounts =
        [
            new V1VolumeMount { Name = "config", MountPath = ProxySqlNames.ConfigDirectory },
            new V1VolumeMount { Name = "data", MountPath = ProxySqlNames.DataDirectory },
        ],
        ReadinessProbe = new V1Probe
        {
            Exec = new V1ExecAction { Command = ReadyCommand },
            PeriodSeconds = 2,
            TimeoutSeconds = 3,
            FailureThreshold = 2,
        },
        LivenessProbe = new V1Probe
        {
            TcpSocket = new V1TCPSocketAction { Port = ProxySqlNames.AdminPort },
            InitialDelaySeconds = 10,
            PeriodSeconds = 10,
            FailureThreshold = 3,
        },
    };

    private static V1EnvVar SecretEnv(string name, string secret, string key) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } } };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
