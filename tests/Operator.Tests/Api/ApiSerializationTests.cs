using System.Text.Json.Nodes;
using BackendStack.Operator.Api;
using k8s;
using k8s.Models;

namespace BackendStack.Tests.Api;

public class ApiSerializationTests
{
    [Fact]
    public void RedisFailoverRoundTripsThroughKubernetesJsonWithContractFieldNames()
    {
        var rf = new RedisFailover
        {
            Metadata = new V1ObjectMeta { Name = "cache", NamespaceProperty = "shop" },
            Spec = new RedisFailoverSpec
            {
                Redis = new RedisSpec { Replicas = 5, MaxMemoryPolicy = MaxMemoryPolicy.AllKeysLru, Persistence = new() { Mode = RedisPersistenceMode.Aof } },
                Auth = new RedisAuthSpec { SecretName = "cache-auth" },
            },
            Status = new RedisFailoverStatus
            {
                Phase = Phase.Ready,
                Master = new RedisMasterStatus { Pod = "cache-redis-0", Since = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) },
                Conditions = [new V1Condition { Type = ConditionTypes.Ready, Status = "True", Reason = "AllReady", Message = "ok", LastTransitionTime = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) }],
            },
        };

        var json = KubernetesJson.Serialize(rf);
        var node = JsonNode.Parse(json)!;
        Assert.Equal("backendstack.io/v1alpha1", (string?)node["apiVersion"]);
        Assert.Equal("RedisFailover", (string?)node["kind"]);
        Assert.Equal("allkeys-lru", (string?)node["spec"]!["redis"]!["maxMemoryPolicy"]);
        Assert.Equal("aof", (string?)node["spec"]!["redis"]!["persistence"]!["mode"]);
        Assert.Equal("Ready", (string?)node["status"]!["phase"]);
        Assert.Equal("2026-01-02T03:04:05Z", (string?)node["status"]!["master"]!["since"]);

        var back = KubernetesJson.Deserialize<RedisFailover>(json);
        Assert.Equal(json, KubernetesJson.Serialize(back));
        Assert.Equal(MaxMemoryPolicy.AllKeysLru, back.Spec.Redis.MaxMemoryPolicy);
        Assert.Equal("cache-redis-0", back.Status.Master!.Pod);
    }

    [Fact]
    public void MinimalManifestDeserializesWithContractDefaults()
    {
        const string Yaml = """
            apiVersion: backendstack.io/v1alpha1
            kind: BackupSchedule
            metadata: { name: nightly }
            spec:
              target: { kind: PerconaCluster, name: db }
              schedule: "0 * * * *"
              retention: { hourly: 24 }
            """;
        var schedule = KubernetesYaml.Deserialize<BackupSchedule>(Yaml);
        Assert.Equal(BackupTargetKind.PerconaCluster, schedule.Spec.Target.Kind);
        Assert.Equal(BackupMethod.ZfsSnapshot, schedule.Spec.Method);
        Assert.Equal(24, schedule.Spec.Retention!.Hourly);
        Assert.Null(schedule.Status.Phase);
    }
}
