using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The writer hostgroup of ProxySQL (a Galera hostgroup).</summary>
public sealed class ProxySQLWritersSpec
{
    /// <summary>Nodes that take writes at once; 1 avoids Galera certification conflicts.</summary>
    [JsonPropertyName("maxWriters")]
    [Range(1, int.MaxValue)]
    [DefaultValue(1)]
    public int MaxWriters { get; set; } = 1;

    /// <summary>Whether the writer also serves reads.</summary>
    [JsonPropertyName("writerIsAlsoReader")]
    [DefaultValue(true)]
    public bool WriterIsAlsoReader { get; set; } = true;
}
