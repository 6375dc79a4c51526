using BackendStack.Operator.Api;
using BackendStack.Operator.AppTiers.Policy;
using k8s.Models;

namespace BackendStack.Tests.AppTiers;

public sealed class ValidationTests
{
    [Fact]
    public void AValidTierPasses()
    {
        Assert.Null(AppTierValidation.Validate(Tiers.Web()));
        Assert.Null(AppTierValidation.Validate(Tiers.Worker()));
    }

    [Fact]
    public void AWorkerWithAPortIsRejectedNamingTheField()
    {
        var tier = Tiers.Worker();
        tier.Spec.Port = 8080;

        Assert.StartsWith("spec.port:", AppTierValidation.Validate(tier));
    }

    [Fact]
    public void AWorkerHealthCheckNeedsItsOwnPort()
    {
        var tier = Tiers.Worker();
        tier.Spec.HealthCheck = new HealthCheckSpec();

        Assert.StartsWith("spec.healthCheck.port:", AppTierValidation.Validate(tier));
    }

    [Theory]
    [InlineData("1BAD")]
    [InlineData("has space")]
    [InlineData("a=b")]
    [InlineData("")]
    public void AnInvalidEnvironmentVariableNameIsRejectedByIndex(string name)
    {
        var tier = Tiers.Web();
        tier.Spec.Env!.Add(new V1EnvVar { Name = name, Value = "x" });

        Assert.StartsWith("spec.env[1].name:", AppTierValidation.Validate(tier));
    }

    [Fact]
    public void ADuplicateEnvironmentVariableIsRejected()
    {
        var tier = Tiers.Web();
        tier.Spec.Env!.Add(new V1EnvVar { Name = "MODE", Value = "dev" });

        Assert.Contains("set twice", AppTierValidation.Validate(tier));
    }

    [Fact]
    public void AnEnvironmentVariableTheConnectionInjectsIsRejected()
    {
        var tier = Tiers.Web();
        tier.Spec.Env!.Add(new V1EnvVar { Name = "DB_HOST", Value = "mine" });
        Assert.Null(AppTierValidation.Validate(tier));

        tier.Spec.Connections = new ConnectionsSpec { Database = new DatabaseConnectionSpec { ProxySQLRef = new LocalObjectReference { Name = "db" } } };
        Assert.StartsWith("spec.env[1].name: \"DB_HOST\" is injected", AppTierValidation.Validate(tier));
    }

    [Fact]
    public void TwoVolumesOnOneMountPathAreRejected()
    {
        var tier = Tiers.Web();
        tier.Spec.Connections = new ConnectionsSpec
        {
            Volumes =
            [
                new VolumeConnectionSpec { GlusterVolumeRef = new LocalObjectReference { Name = "a" }, MountPath = "/data" },
                new VolumeConnectionSpec { GlusterVolumeRef = new LocalObjectReference { Name = "b" }, MountPath = "/data/" },
            ],
        };

        Assert.StartsWith("spec.connections.volumes[1].mountPath:", AppTierValidation.Validate(tier));
    }

    [Fact]
    public void CpuAutoscalingNeedsACpuRequest()
    {
        var tier = Tiers.Web();
        tier.Spec.Autoscaling = new AutoscalingSpec { MaxReplicas = 5, Cpu = new CpuAutoscalingSpec { TargetUtilization = 60 } };
        Assert.StartsWith("spec.resources.requests.cpu:", AppTierValidation.Validate(tier));

        tier.Spec.Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m") } };
        Assert.Null(AppTierValidation.Validate(tier));
    }

    [Fact]
    public void AWebTierNameThatCannotNameAServiceIsRejected()
    {
        var tier = Tiers.Web(name: "1web");

        Assert.StartsWith("metadata.name:", AppTierValidation.Validate(tier));
    }
}
