namespace BackendStack.Tests.Manifests;

public class InvalidManifestTests
{
    private static readonly CrdCatalog Crds = new(RepositoryRoot.Combine("crds"));

    public static TheoryData<string, string, string> InvalidManifests() => new()
    {
        // kind, spec (YAML flow), the error must start with this field and contain this text
        { "RedisFailover: {redis: {replicas: three}}", "spec.redis.replicas:", "integer" },
        { "RedisFailover: {redis: {replicas: 0}}", "spec.redis.replicas:", "1" },
        { "RedisFailover: {sentinel: {replicas: 4}}", "spec.sentinel.replicas:", "must be odd" },
        { "RedisFailover: {sentinel: {replicas: 1}}", "spec.sentinel.replicas:", "3" },
        { "RedisFailover: {sentinel: {replicas: 3, quorum: 5}}", "spec.sentinel.quorum:", "must not exceed" },
        { "RedisFailover: {redis: {persistence: {mode: sometimes}}}", "spec.redis.persistence.mode:", "rdb, aof, none" },
        { "RedisFailover: {redis: {storage: {size: lots}}}", "spec.redis.storage.size:", "regular expression" },
        { "RedisFailover: {redis: {storage: {storageClassName: fast}}}", "spec.redis.storage.size:", "Required value" },
        { "RedisFailover: {redis: {replica: 3}}", "spec.redis.replica:", "unknown field" },
        { "PerconaCluster: {size: 4}", "spec.size:", "must be odd" },
        { "PerconaCluster: {size: 1}", "spec.size:", "must be odd" },
        { "PerconaCluster: {size: 11}", "spec.size:", "9" },
        { "PerconaCluster: {size: '3'}", "spec.size:", "integer" },
        { "ProxySQL: {replicas: 2}", "spec.clusterRef:", "Required value" },
        { "ProxySQL: {clusterRef: {name: db}, replicas: 1}", "spec.replicas:", "2" },
        { "ProxySQL: {clusterRef: {name: db}, queryRules: [{ruleId: 1000}]}", "spec.queryRules[0].matchPattern:", "matchDigest or matchPattern" },
        { "AppTier: {role: web, port: 80}", "spec.image:", "Required value" },
        { "AppTier: {role: database, image: x, port: 80}", "spec.role:", "web, app, worker" },
        { "AppTier: {role: web, image: x}", "spec.port:", "required for role web" },
        { "AppTier: {role: web, image: x, port: 80, autoscaling: {minReplicas: 5, maxReplicas: 2, cpu: {targetUtilization: 50}}}", "spec.autoscaling.minReplicas:", "must not exceed" },
        { "AppTier: {role: worker, image: x, autoscaling: {maxReplicas: 5, queue: {redisRef: {name: redis}}}}", "spec.autoscaling.queue.list:", "needs redisRef and list" },
        { "AppTier: {role: app, image: x, port: 80, autoscaling: {maxReplicas: 5, queue: {redisRef: {name: r}, list: jobs}}}", "spec.autoscaling.queue:", "only for role worker" },
        { "AppTier: {role: web, image: x, port: 80, autoscaling: {maxReplicas: 5, cpu: {targetUtilization: 150}}}", "spec.autoscaling.cpu.targetUtilization:", "100" },
        { "GlusterVolume: {replicas: 3}", "spec.brickStorage:", "Required value" },
        { "BackupSchedule: {target: {kind: PerconaCluster, name: db}, schedule: '0 * * *'}", "spec.schedule:", "5 fields" },
        { "BackupSchedule: {target: {kind: Deployment, name: db}, schedule: '0 * * * *'}", "spec.target.kind:", "PerconaCluster, RedisFailover, GlusterVolume" },
        { "BackupSchedule: {target: {kind: PerconaCluster, name: db}, schedule: '@hourly'}", "spec.schedule:", "5 fields" },
        { "BackupSchedule: {target: {kind: PerconaCluster, name: db}, schedule: '0 * * * *', retention: {hourly: -1}}", "spec.retention.hourly:", "0" },
        { "Backup: {target: {kind: PerconaCluster, name: db}, method: rsync}", "spec.method:", "zfsSnapshot, volumeSnapshot, logical" },
        { "Backup: {method: logical}", "spec.target:", "Required value" },
    };

    [Theory]
    [MemberData(nameof(InvalidManifests))]
    public void InvalidManifestIsRejectedNamingTheField(string kindAndSpec, string field, string text)
    {
        var errors = new ManifestValidator(Crds).Validate(Manifest(kindAndSpec));

        Assert.Contains(errors, e => e.StartsWith(field, StringComparison.Ordinal) && e.Contains(text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PerconaCluster: {size: 4, unsafeFlags: {size: true}}")]
    [InlineData("PerconaCluster: {size: 1, unsafeFlags: {size: true}}")]
    [InlineData("RedisFailover: {}")]
    [InlineData("AppTier: {role: worker, image: x}")]
    public void ValidManifestIsAccepted(string kindAndSpec) =>
        Assert.Empty(new ManifestValidator(Crds).Validate(Manifest(kindAndSpec)));

    [Fact]
    public void MissingSpecAndNameAreRejected()
    {
        var errors = new ManifestValidator(Crds).Validate(YamlJson.ParseAll("{apiVersion: backendstack.io/v1alpha1, kind: AppTier, metadata: {}}")[0]);

        Assert.Contains("spec: Required value", errors);
        Assert.Contains(errors, e => e.StartsWith("metadata.name:", StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultsOfTheSchemaAreApplied()
    {
        var manifest = Manifest("RedisFailover: {}");

        Assert.Empty(new ManifestValidator(Crds).Validate(manifest));
        Assert.Equal(3L, (long)manifest["spec"]!["sentinel"]!["replicas"]!);
        Assert.Equal("redis:7.2", (string)manifest["spec"]!["redis"]!["image"]!);
        Assert.Equal(10000L, (long)manifest["spec"]!["redis"]!["slowlog"]!["thresholdMicroseconds"]!);
    }

    private static System.Text.Json.Nodes.JsonNode Manifest(string kindAndSpec)
    {
        var kind = kindAndSpec[..kindAndSpec.IndexOf(':', StringComparison.Ordinal)];
        var spec = kindAndSpec[(kind.Length + 1)..];
        return YamlJson.ParseAll($"{{apiVersion: backendstack.io/v1alpha1, kind: {kind}, metadata: {{name: test}}, spec: {spec}}}")[0];
    }
}
