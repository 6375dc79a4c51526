using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>When Redis flushes the append-only file to disk.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AofFsync>))]
public enum AofFsync
{
    /// <summary>After every write: safest, slowest.</summary>
    [JsonStringEnumMemberName("always")]
    Always,

    /// <summary>Once a second: at most one second of writes lost.</summary>
    [JsonStringEnumMemberName("everysec")]
    Everysec,

    /// <summary>When the operating system decides.</summary>
    [JsonStringEnumMemberName("no")]
    No,
}
