using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>
/// Redis with replication and Sentinel: caching, queues, atomic counters and locks, with
/// automatic failover of the master.
/// </summary>
[KubernetesEntity(Group = ApiGroup.Group, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("rf")]
[PrinterColumn(1, "MASTER", ".status.master.pod", Description = "Pod of the current master")]
[PrinterColumn(2, "REDIS", ".status.redisReady", Description = "Ready Redis pods out of all")]
[PrinterColumn(3, "SENTINELS", ".status.sentinelsReady", Description = "Ready Sentinels out of all")]
[ScaleSubresource(".spec.redis.replicas", ".status.redis.total", LabelSelectorPath = ".status.selector")]
public sealed class RedisFailover : CustomResource<RedisFailoverSpec, RedisFailoverStatus>
{
    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "redisfailovers";

    /// <summary>The kind's name.</summary>
    public const string KindName = "RedisFailover";

    /// <summary>An empty RedisFailover with apiVersion and kind set.</summary>
    public RedisFailover()
        : base(KindName)
    {
    }
}
