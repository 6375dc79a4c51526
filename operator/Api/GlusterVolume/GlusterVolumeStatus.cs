using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The observed state of a GlusterVolume.</summary>
public sealed class GlusterVolumeStatus : ResourceStatus
{
    /// <summary>One word summarising the state.</summary>
    [JsonPropertyName("phase")]
    public Phase? Phase { get; set; }

    /// <summary>Name of the volume inside GlusterFS.</summary>
    [JsonPropertyName("volumeName")]
    public string? VolumeName { get; set; }

    /// <summary>The bricks of the volume.</summary>
    [JsonPropertyName("bricks")]
    public IList<GlusterBrickStatus>? Bricks { get; set; }

    /// <summary>Bricks online out of all as text (for example <c>3/3</c>), for <c>kubectl get</c>.</summary>
    [JsonPropertyName("bricksOnline")]
    public string? BricksOnline { get; set; }

    /// <summary>Entries waiting to be healed across all bricks.</summary>
    [JsonPropertyName("healPending")]
    public long? HealPending { get; set; }

    /// <summary>What a client mounts: <c>host:/volume</c>.</summary>
    [JsonPropertyName("mount")]
    public string? Mount { get; set; }
}
