using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>One snapshot of a Backup.</summary>
public sealed class BackupSnapshotStatus
{
    /// <summary>The PersistentVolumeClaim snapshotted.</summary>
    [JsonPropertyName("pvc")]
    public string? Pvc { get; set; }

    /// <summary>Name of the snapshot (ZFS <c>dataset@name</c> or the VolumeSnapshot).</summary>
    [JsonPropertyName("snapshot")]
    public string? Snapshot { get; set; }

    /// <summary>Whether the snapshot can be restored from.</summary>
    [JsonPropertyName("readyToUse")]
    public bool? ReadyToUse { get; set; }
}
