using BackendStack.Operator.Api;
using k8s.Models;

namespace BackendStack.Tests.Controllers;

/// <summary>AppTier manifests for the integration tests.</summary>
internal static class TestTiers
{
    public static AppTier Web(string name, string image = "nginx:1.27", int replicas = 2) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ClusterUnderTest.Namespace },
        Spec = new AppTierSpec
        {
            Role = AppTierRole.Web,
            Image = image,
            Port = 8080,
            Replicas = replicas,
            HealthCheck = new HealthCheckSpec { Path = "/healthz" },
            Env = [new V1EnvVar { Name = "MODE", Value = "prod" }],
        },
    };

    public static AppTier Worker(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ClusterUnderTest.Namespace },
        Spec = new AppTierSpec { Role = AppTierRole.Worker, Image = "jobs:1", Replicas = 1 },
    };
}
