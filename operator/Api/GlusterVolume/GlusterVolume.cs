using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>A replicated GlusterFS volume for files shared by many pods.</summary>
[KubernetesEntity(Group = ApiGroup.Group, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("gv")]
[PrinterColumn(1, "BRICKS", ".status.bricksOnline", Description = "Bricks online out of all")]
[PrinterColumn(2, "HEAL", ".status.healPending", Type = "integer", Description = "Entries waiting to be healed")]
public sealed class GlusterVolume : IKubernetesObject<V1ObjectMeta>, ISpec<GlusterVolumeSpec>, IStatus<GlusterVolumeStatus>
{
    /// <summary>The API group of the kind.</summary>
    public const string Group = ApiGroup.Group;

    /// <summary>The API version of the kind.</summary>
    public const string Version = ApiGroup.Version;

    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "glustervolumes";

    /// <summary>The kind's name.</summary>
    public const string KindName = "GlusterVolume";

    /// <summary>APIVersion of the object: <c>backendstack.io/v1alpha1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    /// <summary>Kind of the object: <c>GlusterVolume</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired volume.</summary>
    [JsonPropertyName("spec")]
    public GlusterVolumeSpec Spec { get; set; } = new();

    /// <summary>The observed state, written by the operator.</summary>
    [JsonPropertyName("status")]
    public GlusterVolumeStatus Status { get; set; } = new();
}
