using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>A GlusterVolume mounted into every pod of the tier.</summary>
public sealed class VolumeConnectionSpec
{
    /// <summary>The GlusterVolume in the same namespace to mount.</summary>
    [JsonPropertyName("glusterVolumeRef")]
    [Required]
    public LocalObjectReference GlusterVolumeRef { get; set; } = new();

    /// <summary>Absolute path the volume is mounted at.</summary>
    [JsonPropertyName("mountPath")]
    [Required]
    [RegularExpression("^/.*$")]
    public string MountPath { get; set; } = "";
}
