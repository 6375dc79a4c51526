using System.Text.Json.Nodes;
using BackendStack.Tests.Manifests;

namespace BackendStack.Tests.Crds;

public class CrdContentTests
{
    private static readonly Dictionary<string, JsonNode> Crds = Directory.GetFiles(RepositoryRoot.Combine("crds"), "backendstack.io_*.yaml")
        .Select(f => YamlJson.ParseAll(File.ReadAllText(f))[0])
        .ToDictionary(c => (string)c["spec"]!["names"]!["kind"]!);

    [Theory]
    [InlineData("RedisFailover", "redisfailovers", "rf", "MASTER,REDIS,SENTINELS")]
    [InlineData("PerconaCluster", "perconaclusters", "pxc", "SIZE,SYNCED,PRIMARY")]
    [InlineData("ProxySQL", "proxysqls", "pxy", "CLUSTER,WRITER")]
    [InlineData("AppTier", "apptiers", "at", "ROLE,REPLICAS,DESIRED,QUEUE")]
    [InlineData("GlusterVolume", "glustervolumes", "gv", "BRICKS,HEAL")]
    [InlineData("BackupSchedule", "backupschedules", "bs", "SCHEDULE,LAST SUCCESS,NEXT")]
    [InlineData("Backup", "backups", "bk", "TARGET,METHOD")]
    public void CrdHasTheNamesColumnsAndStatusOfTheContract(string kind, string plural, string shortName, string columns)
    {
        var crd = Crds[kind];
        var names = crd["spec"]!["names"]!;
        var version = crd["spec"]!["versions"]![0]!;

        Assert.Equal($"{plural}.backendstack.io", (string)crd["metadata"]!["name"]!);
        Assert.Equal("Namespaced", (string)crd["spec"]!["scope"]!);
        Assert.Equal(plural, (string)names["plural"]!);
        Assert.Equal([shortName], names["shortNames"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["backendstack", "all"], names["categories"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("v1alpha1", (string)version["name"]!);
        Assert.NotNull(version["subresources"]!["status"]);
        var printed = version["additionalPrinterColumns"]!.AsArray().Select(c => (string)c!["name"]!);
        Assert.Equal([.. columns.Split(','), "READY", "PHASE", "AGE"], printed);
        Assert.Contains(version["additionalPrinterColumns"]!.AsArray(),
            c => (string)c!["jsonPath"]! == ".status.conditions[?(@.type==\"Ready\")].status");
    }

    [Theory]
    [InlineData("AppTier", ".spec.replicas", ".status.replicas")]
    [InlineData("PerconaCluster", ".spec.size", ".status.size")]
    [InlineData("RedisFailover", ".spec.redis.replicas", ".status.redis.total")]
    public void ScalableKindsHaveTheScaleSubresource(string kind, string specPath, string statusPath)
    {
        var scale = Crds[kind]["spec"]!["versions"]![0]!["subresources"]!["scale"]!;

        Assert.Equal(specPath, (string)scale["specReplicasPath"]!);
        Assert.Equal(statusPath, (string)scale["statusReplicasPath"]!);
        Assert.Equal(".status.selector", (string)scale["labelSelectorPath"]!);
        Assert.NotNull(Field(kind, "status.selector"));
    }

    [Theory]
    [InlineData("RedisFailover", "spec.redis.replicas spec.redis.image spec.redis.resources spec.redis.storage.size spec.redis.storage.storageClassName spec.redis.storage.deletePolicy spec.redis.persistence.mode spec.redis.persistence.rdbSaveRules spec.redis.persistence.aofFsync spec.redis.maxMemory spec.redis.maxMemoryPolicy spec.redis.slowlog.thresholdMicroseconds spec.redis.slowlog.maxLen spec.redis.config spec.sentinel.replicas spec.sentinel.quorum spec.sentinel.downAfterMilliseconds spec.sentinel.failoverTimeout spec.sentinel.parallelSyncs spec.auth.secretName status.master.pod status.master.ip status.master.port status.master.since status.redis.ready status.redis.total status.sentinels.ready status.sentinels.total status.sentinels.agreeing status.failovers status.lastFailover.time status.lastFailover.from status.lastFailover.to status.lastFailover.detectedAfterMilliseconds status.endpoints.master status.endpoints.replicas status.endpoints.sentinel status.endpoints.masterName")]
    [InlineData("PerconaCluster", "spec.size spec.unsafeFlags.size spec.image spec.resources spec.storage.size spec.storage.storageClassName spec.storage.deletePolicy spec.mysqlConfig spec.secretName spec.autoRecovery spec.pause status.size status.ready status.synced status.primaryComponent status.nodes.pod status.nodes.state status.nodes.clusterSize status.nodes.ready status.nodes.seqno status.lastRecovery.time status.lastRecovery.bootstrapPod status.lastRecovery.seqno")]
    [InlineData("ProxySQL", "spec.clusterRef.name spec.replicas spec.image spec.writers.maxWriters spec.writers.writerIsAlsoReader spec.maxTransactionsBehind spec.readWriteSplit spec.queryRules spec.maxConnections status.backends.host status.backends.hostgroup status.backends.status status.writer status.endpoint")]
    [InlineData("AppTier", "spec.role spec.image spec.command spec.args spec.env spec.port spec.replicas spec.resources spec.healthCheck.path spec.healthCheck.port spec.terminationGracePeriodSeconds spec.autoscaling.minReplicas spec.autoscaling.maxReplicas spec.autoscaling.cpu.targetUtilization spec.autoscaling.queue.redisRef.name spec.autoscaling.queue.list spec.autoscaling.queue.targetPerReplica spec.autoscaling.queue.activationLength spec.autoscaling.scaleUpStabilizationSeconds spec.autoscaling.scaleDownStabilizationSeconds spec.connections.database.proxySQLRef.name spec.connections.redis.redisRef.name spec.connections.volumes.glusterVolumeRef.name spec.connections.volumes.mountPath status.replicas status.readyReplicas status.desiredReplicas status.queueLength status.lastScaleTime status.lastScaleReason")]
    [InlineData("GlusterVolume", "spec.replicas spec.brickStorage.size spec.brickStorage.storageClassName spec.brickStorage.deletePolicy spec.image spec.options status.volumeName status.bricks.pod status.bricks.path status.bricks.online status.healPending status.mount")]
    [InlineData("BackupSchedule", "spec.target.kind spec.target.name spec.schedule spec.method spec.retention.hourly spec.retention.daily spec.retention.weekly spec.retention.monthly spec.retention.keepLast spec.suspend spec.volumeSnapshotClassName status.lastScheduleTime status.lastSuccessfulTime status.nextScheduleTime status.active")]
    [InlineData("Backup", "spec.target.kind spec.target.name spec.method status.phase status.startedAt status.completedAt status.snapshots.pvc status.snapshots.snapshot status.snapshots.readyToUse status.consistency.method status.consistency.node status.consistency.seqno status.tableLockMilliseconds")]
    public void SchemaHasEveryFieldOfTheContract(string kind, string fields)
    {
        foreach (var field in fields.Split(' ').Concat(["status.observedGeneration", "status.conditions.type", "status.phase"]))
        {
            var schema = Field(kind, field);
            Assert.True(schema is not null, $"{kind} has no field {field}");
            Assert.False(string.IsNullOrWhiteSpace((string?)schema!["description"]), $"{kind}.{field} has no description");
        }
    }

    [Theory]
    [InlineData("RedisFailover", "spec.redis.replicas", 3)]
    [InlineData("RedisFailover", "spec.redis.image", "redis:7.2")]
    [InlineData("RedisFailover", "spec.redis.slowlog.thresholdMicroseconds", 10000)]
    [InlineData("RedisFailover", "spec.redis.slowlog.maxLen", 128)]
    [InlineData("RedisFailover", "spec.sentinel.replicas", 3)]
    [InlineData("RedisFailover", "spec.sentinel.downAfterMilliseconds", 5000)]
    [InlineData("RedisFailover", "spec.sentinel.failoverTimeout", 10000)]
    [InlineData("RedisFailover", "spec.sentinel.parallelSyncs", 1)]
    [InlineData("RedisFailover", "spec.redis.storage.deletePolicy", "Retain")]
    [InlineData("PerconaCluster", "spec.size", 3)]
    [InlineData("PerconaCluster", "spec.image", "percona/percona-xtradb-cluster:8.0")]
    [InlineData("PerconaCluster", "spec.autoRecovery", true)]
    [InlineData("ProxySQL", "spec.replicas", 2)]
    [InlineData("ProxySQL", "spec.image", "proxysql/proxysql:2.7")]
    [InlineData("ProxySQL", "spec.writers.maxWriters", 1)]
    [InlineData("ProxySQL", "spec.writers.writerIsAlsoReader", true)]
    [InlineData("ProxySQL", "spec.maxTransactionsBehind", 100)]
    [InlineData("ProxySQL", "spec.readWriteSplit", true)]
    [InlineData("AppTier", "spec.autoscaling.queue.targetPerReplica", 5)]
    [InlineData("AppTier", "spec.autoscaling.queue.activationLength", 0)]
    [InlineData("AppTier", "spec.autoscaling.scaleUpStabilizationSeconds", 0)]
    [InlineData("AppTier", "spec.autoscaling.scaleDownStabilizationSeconds", 300)]
    [InlineData("GlusterVolume", "spec.replicas", 3)]
    public void SchemaHasTheContractDefault(string kind, string field, object expected) =>
        Assert.Equal(expected.ToString(), Field(kind, field)!["default"]!.ToString(), ignoreCase: true);

    // A structural schema: every node has one type, no references, no null types; anyOf only for int-or-string.
    [Theory]
    [InlineData("RedisFailover")]
    [InlineData("PerconaCluster")]
    [InlineData("ProxySQL")]
    [InlineData("AppTier")]
    [InlineData("GlusterVolume")]
    [InlineData("BackupSchedule")]
    [InlineData("Backup")]
    public void SchemaIsStructural(string kind)
    {
        var nodes = Schemas(Crds[kind]["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject(), "").ToList();

        Assert.True(nodes.Count > 20);
        foreach (var (path, schema) in nodes)
        {
            Assert.False(schema.ContainsKey("$ref"), path);
            Assert.False(schema.ContainsKey("nullable"), path);
            if (schema["x-kubernetes-int-or-string"] is not null)
            {
                Assert.Null(schema["type"]);
                continue;
            }

            Assert.Null(schema["anyOf"]);
            Assert.True(schema["type"] is JsonValue type && (string)type! is "object" or "array" or "string" or "integer" or "number" or "boolean", $"{kind} {path}: {schema["type"]}");
            if (schema["enum"] is JsonArray values)
            {
                Assert.DoesNotContain(null, values);
            }
        }
    }

    private static IEnumerable<(string Path, JsonObject Schema)> Schemas(JsonObject schema, string path)
    {
        yield return (path, schema);
        var children = (schema["properties"] as JsonObject)?.Select(p => ($"{path}.{p.Key}", p.Value as JsonObject)) ?? [];
        children = children.Append(($"{path}[]", schema["items"] as JsonObject)).Append(($"{path}{{}}", schema["additionalProperties"] as JsonObject));
        foreach (var (childPath, child) in children)
        {
            if (child is not null)
            {
                foreach (var descendant in Schemas(child, childPath))
                {
                    yield return descendant;
                }
            }
        }
    }

    private static JsonNode? Field(string kind, string path)
    {
        JsonNode? schema = Crds[kind]["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"];
        foreach (var name in path.Split('.'))
        {
            schema = schema?["items"] ?? schema;
            schema = schema?["properties"]?[name];
        }

        return schema;
    }
}
