using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>A database connection through ProxySQL, injected as environment variables.</summary>
public sealed class DatabaseConnectionSpec
{
    /// <summary>The ProxySQL in the same namespace the tier connects to.</summary>
    [JsonPropertyName("proxySQLRef")]
    [Required]
    public LocalObjectReference ProxySQLRef { get; set; } = new();

    /// <summary>A name from the cluster's <c>spec.users</c>; optional when the cluster has exactly one.</summary>
    [JsonPropertyName("user")]
    [RegularExpression(Patterns.MysqlUserName)]
    public string? User { get; set; }
}
