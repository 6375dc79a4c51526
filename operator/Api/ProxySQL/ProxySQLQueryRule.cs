using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>One ProxySQL query rule (a row of <c>mysql_query_rules</c>).</summary>
[CelRule("has(self.matchDigest) || has(self.matchPattern)", Message = "a query rule needs matchDigest or matchPattern", FieldPath = ".matchPattern")]
public sealed class ProxySQLQueryRule
{
    /// <summary>Rule id; rules are evaluated in ascending order. Ids below 1000 are reserved for the operator's rules.</summary>
    [JsonPropertyName("ruleId")]
    [Required]
    [Range(1000, int.MaxValue)]
    public int RuleId { get; set; }

    /// <summary>Whether the rule is in effect.</summary>
    [JsonPropertyName("active")]
    [DefaultValue(true)]
    public bool Active { get; set; } = true;

    /// <summary>Only queries of this database user match.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    /// <summary>Only queries on this schema match.</summary>
    [JsonPropertyName("schemaName")]
    public string? SchemaName { get; set; }

    /// <summary>Regular expression matched against the query digest.</summary>
    [JsonPropertyName("matchDigest")]
    public string? MatchDigest { get; set; }

    /// <summary>Regular expression matched against the query text.</summary>
    [JsonPropertyName("matchPattern")]
    public string? MatchPattern { get; set; }

    /// <summary>Where matching queries go: the <c>writer</c> or the <c>reader</c> hostgroup.</summary>
    [JsonPropertyName("destination")]
    public QueryDestination? Destination { get; set; }

    /// <summary>Cache results of matching queries for this many milliseconds.</summary>
    [JsonPropertyName("cacheTTLMilliseconds")]
    [Range(1, int.MaxValue)]
    public int? CacheTtlMilliseconds { get; set; }

    /// <summary>Stop evaluating further rules when this one matches.</summary>
    [JsonPropertyName("apply")]
    [DefaultValue(true)]
    public bool Apply { get; set; } = true;

    /// <summary>Free text describing the rule.</summary>
    [JsonPropertyName("comment")]
    public string? Comment { get; set; }
}
