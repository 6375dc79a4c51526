using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The observed state of a BackupSchedule.</summary>
public sealed class BackupScheduleStatus : ResourceStatus
{
    /// <summary>One word summarising the state.</summary>
    [JsonPropertyName("phase")]
    public Phase? Phase { get; set; }

    /// <summary>When a backup was last started.</summary>
    [JsonPropertyName("lastScheduleTime")]
    public DateTime? LastScheduleTime { get; set; }

    /// <summary>When a backup last succeeded.</summary>
    [JsonPropertyName("lastSuccessfulTime")]
    public DateTime? LastSuccessfulTime { get; set; }

    /// <summary>When the next backup is due.</summary>
    [JsonPropertyName("nextScheduleTime")]
    public DateTime? NextScheduleTime { get; set; }

    /// <summary>Backups of this schedule that are running.</summary>
    [JsonPropertyName("active")]
    public IList<LocalObjectReference>? Active { get; set; }
}
