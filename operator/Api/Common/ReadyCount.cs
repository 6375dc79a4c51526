using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>How many members of a set are ready, out of how many.</summary>
public sealed class ReadyCount
{
    /// <summary>Members that are running and ready.</summary>
    [JsonPropertyName("ready")]
    public int Ready { get; set; }

    /// <summary>Members that exist.</summary>
    [JsonPropertyName("total")]
    public int Total { get; set; }
}
