using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The resource in the same namespace a backup is taken of.</summary>
public sealed class BackupTarget
{
    /// <summary>Kind of the resource.</summary>
    [JsonPropertyName("kind")]
    [Required]
    public BackupTargetKind Kind { get; set; }

    /// <summary>Name of the resource.</summary>
    [JsonPropertyName("name")]
    [Required]
    [RegularExpression(Patterns.ObjectName)]
    public string Name { get; set; } = "";
}
