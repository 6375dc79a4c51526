using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>
/// Which backups to keep, the way sanoid does: the newest of each hour, day, week and month
/// up to the given counts, plus the most recent ones. A backup kept by any rule stays.
/// </summary>
public sealed class RetentionSpec
{
    /// <summary>Hourly backups to keep.</summary>
    [JsonPropertyName("hourly")]
    [Range(0, int.MaxValue)]
    public int? Hourly { get; set; }

    /// <summary>Daily backups to keep.</summary>
    [JsonPropertyName("daily")]
    [Range(0, int.MaxValue)]
    public int? Daily { get; set; }

    /// <summary>Weekly backups to keep.</summary>
    [JsonPropertyName("weekly")]
    [Range(0, int.MaxValue)]
    public int? Weekly { get; set; }

    /// <summary>Monthly backups to keep.</summary>
    [JsonPropertyName("monthly")]
    [Range(0, int.MaxValue)]
    public int? Monthly { get; set; }

    /// <summary>Most recent backups to keep regardless of age.</summary>
    [JsonPropertyName("keepLast")]
    [Range(0, int.MaxValue)]
    public int? KeepLast { get; set; }
}
