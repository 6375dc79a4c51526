using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The hostgroup a query rule sends matching queries to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QueryDestination>))]
public enum QueryDestination
{
    /// <summary>The writer hostgroup.</summary>
    [JsonStringEnumMemberName("writer")]
    Writer,

    /// <summary>The reader hostgroup.</summary>
    [JsonStringEnumMemberName("reader")]
    Reader,
}
