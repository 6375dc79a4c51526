using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>Scaling on CPU utilisation.</summary>
public sealed class CpuAutoscalingSpec
{
    /// <summary>Average CPU utilisation to keep, in percent of the CPU request.</summary>
    [JsonPropertyName("targetUtilization")]
    [Required]
    [Range(1, 100)]
    public int TargetUtilization { get; set; }
}
