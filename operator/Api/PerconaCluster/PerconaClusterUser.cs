using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>An application user of a PerconaCluster, granted ALL on its own databases only.</summary>
public sealed class PerconaClusterUser
{
    /// <summary>The login name.</summary>
    [JsonPropertyName("name")]
    [Required]
    [RegularExpression(Patterns.MysqlUserName)]
    public string Name { get; set; } = "";

    /// <summary>The databases the user owns; created when missing, never dropped.</summary>
    [JsonPropertyName("databases")]
    [Required]
    [MinLength(1)]
    public IList<string> Databases { get; set; } = [];

    /// <summary>Secret with the keys <c>username</c> and <c>password</c>; generated as <c>&lt;cluster&gt;-user-&lt;name&gt;</c> when absent.</summary>
    [JsonPropertyName("secretName")]
    [RegularExpression(Patterns.ObjectName)]
    public string? SecretName { get; set; }
}
