using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>ProxySQL in front of a PerconaCluster: connection pooling, read/write split, and routing away from a dead node.</summary>
[KubernetesEntity(Group = ApiGroup.Group, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("pxy")]
[PrinterColumn(1, "CLUSTER", ".spec.clusterRef.name", Description = "The PerconaCluster behind it")]
[PrinterColumn(2, "WRITER", ".status.writer", Description = "Node that takes writes")]
public sealed class ProxySQL : IKubernetesObject<V1ObjectMeta>, ISpec<ProxySQLSpec>, IStatus<ProxySQLStatus>
{
    /// <summary>The API group of the kind.</summary>
    public const string Group = ApiGroup.Group;

    /// <summary>The API version of the kind.</summary>
    public const string Version = ApiGroup.Version;

    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "proxysqls";

    /// <summary>The kind's name.</summary>
    public const string KindName = "ProxySQL";

    /// <summary>APIVersion of the object: <c>backendstack.io/v1alpha1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    /// <summary>Kind of the object: <c>ProxySQL</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired ProxySQL deployment.</summary>
    [JsonPropertyName("spec")]
    public ProxySQLSpec Spec { get; set; } = new();

    /// <summary>The observed state, written by the operator.</summary>
    [JsonPropertyName("status")]
    public ProxySQLStatus Status { get; set; } = new();
}
