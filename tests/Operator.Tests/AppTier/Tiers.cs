using BackendStack.Operator.Api;
using k8s.Models;

namespace BackendStack.Tests.AppTiers;

/// <summary>AppTiers as tests need them.</summary>
internal static class Tiers
{
    public static AppTier Web(string name = "web", int port = 8080) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "shop", Uid = "uid-" + name, Generation = 3 },
        Spec = new AppTierSpec
        {
            Role = AppTierRole.Web,
            Image = "nginx:1.27",
            Port = port,
            Replicas = 3,
            HealthCheck = new HealthCheckSpec { Path = "/healthz" },
            TerminationGracePeriodSeconds = 45,
            Env = [new V1EnvVar { Name = "MODE", Value = "prod" }],
        },
    };

    public static AppTier Worker(string name = "jobs") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "shop", Uid = "uid-" + name, Generation = 1 },
        Spec = new AppTierSpec { Role = AppTierRole.Worker, Image = "jobs:1", Replicas = 2, TerminationGracePeriodSeconds = 600 },
    };
}
