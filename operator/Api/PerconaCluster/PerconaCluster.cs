using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>A Percona XtraDB Cluster: Galera replication where every node takes writes.</summary>
[KubernetesEntity(Group = ApiGroup.Group, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("pxc")]
[PrinterColumn(1, "SIZE", ".status.size", Type = "integer", Description = "Node pods that exist")]
[PrinterColumn(2, "SYNCED", ".status.synced", Type = "integer", Description = "Nodes in the Synced state")]
[PrinterColumn(3, "PRIMARY", ".status.primaryComponent", Type = "boolean", Description = "Whether every reachable node is in a Primary component")]
[ScaleSubresource(".spec.size", ".status.size", LabelSelectorPath = ".status.selector")]
public sealed class PerconaCluster : IKubernetesObject<V1ObjectMeta>, ISpec<PerconaClusterSpec>, IStatus<PerconaClusterStatus>
{
    /// <summary>The API group of the kind.</summary>
    public const string Group = ApiGroup.Group;

    /// <summary>The API version of the kind.</summary>
    public const string Version = ApiGroup.Version;

    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "perconaclusters";

    /// <summary>The kind's name.</summary>
    public const string KindName = "PerconaCluster";

    /// <summary>APIVersion of the object: <c>backendstack.io/v1alpha1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    /// <summary>Kind of the object: <c>PerconaCluster</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired Galera cluster.</summary>
    [JsonPropertyName("spec")]
    public PerconaClusterSpec Spec { get; set; } = new();

    /// <summary>The observed state, written by the operator.</summary>
    [JsonPropertyName("status")]
    public PerconaClusterStatus Status { get; set; } = new();
}
