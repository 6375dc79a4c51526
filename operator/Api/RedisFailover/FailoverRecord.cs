using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>One failover of the Redis master.</summary>
public sealed class FailoverRecord
{
    /// <summary>When the new master was promoted.</summary>
    [JsonPropertyName("time")]
    public DateTime? Time { get; set; }

    /// <summary>Pod of the old master.</summary>
    [JsonPropertyName("from")]
    public string? From { get; set; }

    /// <summary>Pod of the new master.</summary>
    [JsonPropertyName("to")]
    public string? To { get; set; }

    /// <summary>Milliseconds from the old master's last reply until the failure was detected.</summary>
    [JsonPropertyName("detectedAfterMilliseconds")]
    public long? DetectedAfterMilliseconds { get; set; }
}
