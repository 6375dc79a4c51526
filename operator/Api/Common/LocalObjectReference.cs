using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>A reference to another object in the same namespace.</summary>
public sealed class LocalObjectReference
{
    /// <summary>Name of the referenced object.</summary>
    [JsonPropertyName("name")]
    [Required]
    [MaxLength(253)]
    [RegularExpression(Patterns.ObjectName)]
    public string Name { get; set; } = "";
}
