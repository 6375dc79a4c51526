using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>What a stateless tier does.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AppTierRole>))]
public enum AppTierRole
{
    /// <summary>Web servers facing clients.</summary>
    [JsonStringEnumMemberName("web")]
    Web,

    /// <summary>Application servers behind the web tier.</summary>
    [JsonStringEnumMemberName("app")]
    App,

    /// <summary>Asynchronous workers that pull jobs from a Redis queue.</summary>
    [JsonStringEnumMemberName("worker")]
    Worker,
}
