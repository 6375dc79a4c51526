using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The Redis slow log.</summary>
public sealed class SlowlogSpec
{
    /// <summary>Commands slower than this many microseconds are logged (<c>slowlog-log-slower-than</c>).</summary>
    [JsonPropertyName("thresholdMicroseconds")]
    [Range(0, long.MaxValue)]
    [DefaultValue(10000)]
    public long ThresholdMicroseconds { get; set; } = 10000;

    /// <summary>How many entries the slow log keeps (<c>slowlog-max-len</c>).</summary>
    [JsonPropertyName("maxLen")]
    [Range(0, int.MaxValue)]
    [DefaultValue(128)]
    public int MaxLen { get; set; } = 128;
}
