using BackendStack.Operator.Api;
using BackendStack.Operator.AppTiers.Policy;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.AppTiers.Builders;

/// <summary>AppTier in, Deployment out (pure): the tier's pods, rolled out without losing capacity.</summary>
internal static class DeploymentBuilder
{
    public const string ContainerName = "app";
    public const string PortName = "http";

    public static V1Deployment Build(AppTier tier, ResolvedConnections connections, ReplicaPlan replicas)
    {
        var spec = tier.Spec;
        var serves = spec.Role != AppTierRole.Worker;
        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = ChildMetadata.For(tier, tier.Metadata.Name, AppTierLabels.For(tier)),
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas.DeploymentReplicas,
                Selector = new V1LabelSelector { MatchLabels = AppTierLabels.Selector(tier) },
                Strategy = new V1DeploymentStrategy
                {
                    Type = "RollingUpdate",

                    // Web and app tiers never drop below the wanted capacity during a rollout; workers may.
                    RollingUpdate = new V1RollingUpdateDeployment
                    {
                        MaxUnavailable = serves ? (IntOrString)0 : (IntOrString)"25%",
                        MaxSurge = (IntOrString)"25%",
                    },
                },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = AppTierLabels.For(tier) },
                    Spec = PodSpec(tier, connections),
                },
            },
        };
    }

    private static V1PodSpec PodSpec(AppTier tier, ResolvedConnections connections)
    {
        var spec = tier.Spec;
        return new V1PodSpec
        {
            TerminationGracePeriodSeconds = spec.TerminationGracePeriodSeconds,
            TopologySpreadConstraints =
            [
                new V1TopologySpreadConstraint
                {
                    MaxSkew = 1,
                    TopologyKey = "kubernetes.io/hostname",
                    WhenUnsatisfiable = "ScheduleAnyway",
                    LabelSelector = new V1LabelSelector { MatchLabels = AppTierLabels.Selector(tier) },
                },
            ],
            Containers = [Container(tier, connections)],
            Volumes = connections.Volumes.Count > 0 ? [.. connections.Volumes] : null,
        };
    }

    private static V1Container Container(AppTier tier, ResolvedConnections connections)
    {
        var spec = tier.Spec;
        var env = (spec.Env ?? []).Concat(connections.Env).ToList();
        var health = HealthEndpoint(spec);
        return new V1Container
        {
            Name = ContainerName,
            Image = spec.Image,
            Command = spec.Command is { Count: > 0 } ? [.. spec.Command] : null,
            Args = spec.Args is { Count: > 0 } ? [.. spec.Args] : null,
            Env = env.Count > 0 ? env : null,
            Ports = spec.Port is { } port && spec.Role != AppTierRole.Worker
                ? [new V1ContainerPort { Name = PortName, ContainerPort = port, Protocol = "TCP" }]
                : null,
            Resources = spec.Resources,
            ReadinessProbe = health is { } readiness ? HttpProbe(readiness, periodSeconds: 5, failureThreshold: 3) : null,

            // Liveness gives up later than readiness: a busy pod leaves the Service before it is restarted.
            LivenessProbe = health is { } liveness ? HttpProbe(liveness, periodSeconds: 10, failureThreshold: 6) : null,
            VolumeMounts = connections.Mounts.Count > 0 ? [.. connections.Mounts] : null,
        };
    }

    /// <summary>Where the health check answers: its own port, else the tier's port; none without a health check.</summary>
    private static (string Path, int Port)? HealthEndpoint(AppTierSpec spec) =>
        spec.HealthCheck is { } check && (check.Port ?? spec.Port) is { } port ? (check.Path, port) : null;

    private static V1Probe HttpProbe((string Path, int Port) endpoint, int periodSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = endpoint.Path, Port = (IntOrString)endpoint.Port },
        PeriodSeconds = periodSeconds,
        FailureThreshold = failureThreshold,
    };
}
