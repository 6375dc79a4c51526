using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The desired state of a Backup: what to back up and how.</summary>
public sealed class BackupSpec
{
    /// <summary>The resource to back up.</summary>
    [JsonPropertyName("target")]
    [Required]
    public BackupTarget Target { get; set; } = new();

    /// <summary>How the backup is taken.</summary>
    [JsonPropertyName("method")]
    [DefaultValue(BackupMethod.ZfsSnapshot)]
    public BackupMethod Method { get; set; } = BackupMethod.ZfsSnapshot;

    /// <summary>VolumeSnapshotClass of the snapshots when <c>method</c> is <c>volumeSnapshot</c>.</summary>
    [JsonPropertyName("volumeSnapshotClassName")]
    public string? VolumeSnapshotClassName { get; set; }
}
