using BackendStack.Operator.Api;
using BackendStack.Operator.RedisFailovers.Builders;

namespace BackendStack.Tests.RedisPolicy;

public sealed class ChildBuildersTests
{
    [Fact]
    public void EveryChildCarriesTheConventionalLabelsAndAControllerReference()
    {
        var rf = Resources.Rf();
        var config = RedisConfigBuilder.Build(rf.Spec.Redis);
        var metas = new[]
            {
                AuthSecretBuilder.Build(rf, "pw").Metadata, ConfigMapBuilder.Redis(rf, config).Metadata, ConfigMapBuilder.Sentinel(rf).Metadata,
                StatefulSetBuilder.Redis(rf, config).Metadata, StatefulSetBuilder.Sentinel(rf).Metadata,
            }
            .Concat(ServiceBuilder.All(rf).Select(s => s.Metadata))
            .Concat(DisruptionBudgetBuilder.All(rf).Select(p => p.Metadata))
            .ToList();

        Assert.Equal(12, metas.Count);
        Assert.All(metas, m =>
        {
            Assert.Equal("shop", m.NamespaceProperty);
            Assert.Equal("rf", m.Labels["app.kubernetes.io/instance"]);
            Assert.Equal("backendstack-operator", m.Labels["app.kubernetes.io/managed-by"]);
            Assert.Equal("backendstack", m.Labels["app.kubernetes.io/part-of"]);
            var owner = Assert.Single(m.OwnerReferences);
            Assert.Equal(("backendstack.io/v1alpha1", "RedisFailover", "rf", "uid-1", true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller == true));
        });
    }

    [Fact]
    public void MasterServiceSelectsOnlyThePodLabelledMaster()
    {
        var services = ServiceBuilder.All(Resources.Rf()).ToDictionary(s => s.Metadata.Name);

        Assert.Equal(["rf-redis-headless", "rf-redis-master", "rf-redis-replicas", "rf-sentinel-headless", "rf-sentinel"], services.Keys);
        Assert.Equal("master", services["rf-redis-master"].Spec.Selector["backendstack.io/role"]);
        Assert.Equal("replica", services["rf-redis-replicas"].Spec.Selector["backendstack.io/role"]);
        Assert.False(services["rf-redis-headless"].Spec.Selector.ContainsKey("backendstack.io/role"));
        Assert.Equal("None", services["rf-redis-headless"].Spec.ClusterIP);
        Assert.Equal(26379, services["rf-sentinel"].Spec.Ports[0].Port);
    }

    [Fact]
    public void RedisStatefulSetKeepsPasswordOutOfTheSpecAndProbesTheServer()
    {
        var rf = Resources.Rf(s => s.Redis.Replicas = 5);
        var set = StatefulSetBuilder.Redis(rf, RedisConfigBuilder.Build(rf.Spec.Redis));
        var container = Assert.Single(set.Spec.Template.Spec.Containers);

        Assert.Equal(5, set.Spec.Replicas);
        Assert.Equal("rf-redis-headless", set.Spec.ServiceName);
        Assert.Equal("OnDelete", set.Spec.UpdateStrategy.Type);
        Assert.Equal("redis:7.2", container.Image);
        Assert.Equal("rf-redis-auth", container.Env.Single(e => e.Name == "REDIS_PASSWORD").ValueFrom.SecretKeyRef.Name);
        Assert.Equal("status.podIP", container.Env.Single(e => e.Name == "POD_IP").ValueFrom.FieldRef.FieldPath);
        Assert.Contains("ping", container.ReadinessProbe.Exec.Command[2], StringComparison.Ordinal);
        Assert.Equal("6379", container.LivenessProbe.TcpSocket.Port.Value);
        Assert.Contains(set.Spec.Template.Spec.Volumes, v => v.Name == "data" && v.EmptyDir is not null);
    }

    [Theory]
    [InlineData(DeletePolicy.Retain, "Retain")]
    [InlineData(DeletePolicy.Delete, "Delete")]
    public void StorageBecomesClaimTemplatesKeptOnDeleteUnlessAskedOtherwise(DeletePolicy policy, string whenDeleted)
    {
        var rf = Resources.Rf(s => s.Redis.Storage = new StorageSpec { Size = "1Gi", StorageClassName = "zfs", DeletePolicy = policy });
        var set = StatefulSetBuilder.Redis(rf, RedisConfigBuilder.Build(rf.Spec.Redis));

        var claim = Assert.Single(set.Spec.VolumeClaimTemplates);
        Assert.Equal("1Gi", claim.Spec.Resources.Requests["storage"].ToString());
        Assert.Equal("zfs", claim.Spec.StorageClassName);
        Assert.Equal(whenDeleted, set.Spec.PersistentVolumeClaimRetentionPolicy.WhenDeleted);
        Assert.Equal("Retain", set.Spec.PersistentVolumeClaimRetentionPolicy.WhenScaled);
    }

    [Fact]
    public void OnlyStartupConfigChangesThePodTemplateHash()
    {
        var rf = Resources.Rf();
        string Hash() => StatefulSetBuilder.Redis(rf, RedisConfigBuilder.Build(rf.Spec.Redis)).Spec.Template.Metadata.Annotations[StatefulSetBuilder.ConfigHashAnnotation];
        var before = Hash();

        rf.Spec.Redis.Slowlog.MaxLen = 1000;
        rf.Spec.Redis.MaxMemory = "256mb";
        rf.Spec.Redis.Config = new Dictionary<string, string> { ["hz"] = "20" };
        Assert.Equal(before, Hash());

        rf.Spec.Redis.Config["databases"] = "32";
        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void StartupOnlyDirectivesAreRenderedButNotSetLive()
    {
        var config = RedisConfigBuilder.Build(new RedisSpec { Config = new Dictionary<string, string> { ["databases"] = "32", ["hz"] = "20" } });

        Assert.Contains("databases 32\n", config.File, StringComparison.Ordinal);
        Assert.Contains("databases 32\n", config.StartupPart, StringComparison.Ordinal);
        Assert.DoesNotContain("hz", config.StartupPart, StringComparison.Ordinal);
        Assert.False(config.Live.ContainsKey("databases"));
        Assert.Equal("20", config.Live["hz"]);
    }

    [Fact]
    public void AuthSecretUsesTheNamedSecretAndARandomPassword()
    {
        var rf = Resources.Rf(s => s.Auth = new RedisAuthSpec { SecretName = "shared-redis" });
        var secret = AuthSecretBuilder.Build(rf, "s3cret");

        Assert.Equal("shared-redis", secret.Metadata.Name);
        Assert.Equal("s3cret"u8.ToArray(), secret.Data["password"]);
        Assert.NotEqual(AuthSecretBuilder.NewPassword(), AuthSecretBuilder.NewPassword());
        Assert.Equal(32, AuthSecretBuilder.NewPassword().Length);
    }

    [Fact]
    public void SentinelQuorumDefaultsToMajority()
    {
        Assert.Equal(3, SentinelSettingsBuilder.Build(new SentinelSpec { Replicas = 5 }).Quorum);
        Assert.Equal(2, SentinelSettingsBuilder.Build(new SentinelSpec { Replicas = 3 }).Quorum);
        Assert.Equal(4, SentinelSettingsBuilder.Build(new SentinelSpec { Replicas = 5, Quorum = 4 }).Quorum);
    }
}
