using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The desired state of a GlusterVolume.</summary>
public sealed class GlusterVolumeSpec
{
    /// <summary>Number of bricks, each a pod with its own claim; every file is stored on each brick.</summary>
    [JsonPropertyName("replicas")]
    [Range(1, 16)]
    [DefaultValue(3)]
    public int Replicas { get; set; } = 3;

    /// <summary>Persistent storage of each brick.</summary>
    [JsonPropertyName("brickStorage")]
    [Required]
    public StorageSpec BrickStorage { get; set; } = new();

    /// <summary>Container image of the GlusterFS server.</summary>
    [JsonPropertyName("image")]
    [DefaultValue("gluster/gluster-centos:latest")]
    public string Image { get; set; } = "gluster/gluster-centos:latest";

    /// <summary>Volume options by name, applied with <c>gluster volume set</c> (for example <c>performance.cache-size</c>).</summary>
    [JsonPropertyName("options")]
    public IDictionary<string, string>? Options { get; set; }
}
