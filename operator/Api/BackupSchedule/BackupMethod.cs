using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>How a backup is taken.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BackupMethod>))]
public enum BackupMethod
{
    /// <summary>A ZFS snapshot of the dataset under the claim, taken on the node.</summary>
    [JsonStringEnumMemberName("zfsSnapshot")]
    ZfsSnapshot,

    /// <summary>A CSI VolumeSnapshot of the claim.</summary>
    [JsonStringEnumMemberName("volumeSnapshot")]
    VolumeSnapshot,

    /// <summary>A logical dump (for Galera: <c>--single-transaction --skip-lock-tables</c>).</summary>
    [JsonStringEnumMemberName("logical")]
    Logical,
}
