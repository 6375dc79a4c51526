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
}
