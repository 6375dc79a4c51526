using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>Persistent storage of a stateful member: one PersistentVolumeClaim per pod.</summary>
public sealed class StorageSpec
{
    /// <summary>Requested capacity of each claim, as a Kubernetes quantity (for example <c>10Gi</c>).</summary>
    [JsonPropertyName("size")]
    [Required]
    [RegularExpression(Patterns.Quantity)]
    public string Size { get; set; } = "";

    /// <summary>StorageClass of the claims; the cluster's default class when absent.</summary>
    [JsonPropertyName("storageClassName")]
    public string? StorageClassName { get; set; }

    /// <summary>Whether claims are kept (<c>Retain</c>, the default) or deleted with the resource or on scale-down (<c>Delete</c>).</summary>
    [JsonPropertyName("deletePolicy")]
    [DefaultValue(DeletePolicy.Retain)]
    public DeletePolicy DeletePolicy { get; set; } = DeletePolicy.Retain;
}
