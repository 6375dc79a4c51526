using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The observed state of a Backup.</summary>
public sealed class BackupStatus : ResourceStatus
{
    /// <summary>Where the run is.</summary>
    [JsonPropertyName("phase")]
    public BackupPhase? Phase { get; set; }

    /// <summary>When the run started.</summary>
    [JsonPropertyName("startedAt")]
    public DateTime? StartedAt { get; set; }

    /// <summary>When the run succeeded or failed.</summary>
    [JsonPropertyName("completedAt")]
    public DateTime? CompletedAt { get; set; }

    /// <summary>The snapshots taken, one per claim.</summary>
    [JsonPropertyName("snapshots")]
    public IList<BackupSnapshotStatus>? Snapshots { get; set; }

    /// <summary>How the data was made consistent without locking.</summary>
    [JsonPropertyName("consistency")]
    public BackupConsistency? Consistency { get; set; }

    /// <summary>Milliseconds any table was locked during the backup (0 is the goal).</summary>
    [JsonPropertyName("tableLockMilliseconds")]
    public long? TableLockMilliseconds { get; set; }

    /// <summary>Where a logical backup's dump was written.</summary>
    [JsonPropertyName("artifact")]
    public BackupArtifact? Artifact { get; set; }
}
