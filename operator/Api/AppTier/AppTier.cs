using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>A stateless tier: web servers, app servers, or async workers that pull jobs from a Redis queue.</summary>
[KubernetesEntity(Group = ApiGroup.Group, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("at")]
[PrinterColumn(1, "ROLE", ".spec.role", Description = "web, app or worker")]
[PrinterColumn(2, "REPLICAS", ".status.replicas", Type = "integer", Description = "Pods that exist")]
[PrinterColumn(3, "DESIRED", ".status.desiredReplicas", Type = "integer", Description = "Pods wanted")]
[PrinterColumn(4, "QUEUE", ".status.queueLength", Type = "integer", Description = "Length of the queue a worker tier scales on")]
[ScaleSubresource(".spec.replicas", ".status.replicas", LabelSelectorPath = ".status.selector")]
public sealed class AppTier : IKubernetesObject<V1ObjectMeta>, ISpec<AppTierSpec>, IStatus<AppTierStatus>
{
    /// <summary>The API group of the kind.</summary>
    public const string Group = ApiGroup.Group;

    /// <summary>The API version of the kind.</summary>
    public const string Version = ApiGroup.Version;

    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "apptiers";

    /// <summary>The kind's name.</summary>
    public const string KindName = "AppTier";

    /// <summary>APIVersion of the object: <c>backendstack.io/v1alpha1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    /// <summary>Kind of the object: <c>AppTier</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired tier.</summary>
    [JsonPropertyName("spec")]
    public AppTierSpec Spec { get; set; } = new();

    /// <summary>The observed state, written by the operator.</summary>
    [JsonPropertyName("status")]
    public AppTierStatus Status { get; set; } = new();
}
