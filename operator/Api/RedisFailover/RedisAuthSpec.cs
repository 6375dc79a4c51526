using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>Authentication of Redis clients.</summary>
public sealed class RedisAuthSpec
{
    /// <summary>Secret holding the password under the key <c>password</c>; generated once when absent.</summary>
    [JsonPropertyName("secretName")]
    [RegularExpression(Patterns.ObjectName)]
    public string? SecretName { get; set; }
}
