using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>What a new PerconaCluster starts from instead of an empty datadir.</summary>
public sealed class PerconaClusterDataSource
{
    /// <summary>A succeeded Backup in the same namespace.</summary>
    [JsonPropertyName("backupRef")]
    [Required]
    public LocalObjectReference BackupRef { get; set; } = new();
}
