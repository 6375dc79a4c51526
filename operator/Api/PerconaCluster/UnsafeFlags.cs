using System.ComponentModel;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>Settings that allow what is normally refused because it risks data or availability.</summary>
public sealed class UnsafeFlags
{
    /// <summary>Allow a <c>size</c> of 1 or an even size, which cannot survive the loss of a node with quorum.</summary>
    [JsonPropertyName("size")]
    [DefaultValue(false)]
    public bool Size { get; set; }
}
