using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>Where a Backup run is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BackupPhase>))]
public enum BackupPhase
{
    /// <summary>Accepted, not started.</summary>
    Pending,

    /// <summary>Snapshots are being taken.</summary>
    Running,

    /// <summary>Every snapshot is ready to use.</summary>
    Succeeded,

    /// <summary>The backup could not be taken; the message of the Ready condition says why.</summary>
    Failed,
}
