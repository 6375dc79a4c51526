using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The desired state of a BackupSchedule.</summary>
public sealed class BackupScheduleSpec
{
    /// <summary>The resource to back up.</summary>
    [JsonPropertyName("target")]
    [Required]
    public BackupTarget Target { get; set; } = new();

    /// <summary>When to take a backup: a cron expression of 5 fields, in UTC (for example <c>0 * * * *</c>).</summary>
    [JsonPropertyName("schedule")]
    [Required]
    [MaxLength(128)]
    [CelRule(@"self.matches('^\\s*\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s*$')", Message = "schedule must be a cron expression of 5 fields")]
    public string Schedule { get; set; } = "";

    /// <summary>How each backup is taken.</summary>
    [JsonPropertyName("method")]
    [DefaultValue(BackupMethod.ZfsSnapshot)]
    public BackupMethod Method { get; set; } = BackupMethod.ZfsSnapshot;

    /// <summary>Which backups to keep; older ones are deleted with their snapshots.</summary>
    [JsonPropertyName("retention")]
    public RetentionSpec? Retention { get; set; }

    /// <summary>Take no new backups while true; existing ones are kept.</summary>
    [JsonPropertyName("suspend")]
    [DefaultValue(false)]
    public bool Suspend { get; set; }

    /// <summary>VolumeSnapshotClass of the snapshots when <c>method</c> is <c>volumeSnapshot</c>.</summary>
    [JsonPropertyName("volumeSnapshotClassName")]
    public string? VolumeSnapshotClassName { get; set; }
}
