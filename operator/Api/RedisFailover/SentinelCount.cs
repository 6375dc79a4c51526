using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>How many Sentinels are ready, and how many agree on the master.</summary>
public sealed class SentinelCount
{
    /// <summary>Sentinels that are running and ready.</summary>
    [JsonPropertyName("ready")]
    public int Ready { get; set; }

    /// <summary>Sentinels that exist.</summary>
    [JsonPropertyName("total")]
    public int Total { get; set; }

    /// <summary>Sentinels that report the same master as <c>status.master</c>.</summary>
    [JsonPropertyName("agreeing")]
    public int Agreeing { get; set; }
}
