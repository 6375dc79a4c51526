using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.AppTiers.Builders;

/// <summary>AppTier in, Service out (pure): the stable address of a web or app tier; workers get none.</summary>
internal static class ServiceBuilder
{
    public static V1Service? Build(AppTier tier)
    {
        if (tier.Spec.Role == AppTierRole.Worker || tier.Spec.Port is not { } port)
        {
            return null;
        }

        return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = ChildMetadata.For(tier, tier.Metadata.Name, AppTierLabels.For(tier)),
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                Selector = AppTierLabels.Selector(tier),
                Ports = [new V1ServicePort { Name = DeploymentBuilder.PortName, Port = port, TargetPort = (IntOrString)port, Protocol = "TCP" }],
            },
        };
    }
}
