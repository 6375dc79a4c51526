using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The kinds a backup can be taken of.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BackupTargetKind>))]
public enum BackupTargetKind
{
    /// <summary>A Galera cluster: one desynced, non-writer node is snapshotted.</summary>
    PerconaCluster,

    /// <summary>A Redis deployment: a replica is snapshotted after a background save.</summary>
    RedisFailover,

    /// <summary>A GlusterFS volume: one brick is snapshotted.</summary>
    GlusterVolume,
}
