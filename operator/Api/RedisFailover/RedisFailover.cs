using System.Text.Json.Serialization;
using k8s;
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
public sealed class RedisFailover : IKubernetesObject<V1ObjectMeta>, ISpec<RedisFailoverSpec>, IStatus<RedisFailoverStatus>
{
    /// <summary>The API group of the kind.</summary>
    public const string Group = ApiGroup.Group;

    /// <summary>The API version of the kind.</summary>
    public const string Version = ApiGroup.Version;

    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "redisfailovers";

    /// <summary>The kind's name.</summary>
    public const string KindName = "RedisFailover";

    /// <summary>APIVersion of the object: <c>backendstack.io/v1alpha1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    /// <summary>Kind of the object: <c>RedisFailover</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired Redis and Sentinel deployment.</summary>
    [JsonPropertyName("spec")]
    public RedisFailoverSpec Spec { get; set; } = new();

    /// <summary>The observed state, written by the operator.</summary>
    [JsonPropertyName("status")]
    public RedisFailoverStatus Status { get; set; } = new();
}
