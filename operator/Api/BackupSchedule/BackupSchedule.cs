using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>Backups on a cron schedule, as ZFS or volume snapshots that lock nothing, with sanoid-like retention.</summary>
[KubernetesEntity(Group = ApiGroup.Group, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("bs")]
[PrinterColumn(1, "SCHEDULE", ".spec.schedule", Description = "Cron expression, UTC")]
[PrinterColumn(2, "LAST SUCCESS", ".status.lastSuccessfulTime", Type = "date", Description = "When a backup last succeeded")]
[PrinterColumn(3, "NEXT", ".status.nextScheduleTime", Type = "date", Description = "When the next backup is due")]
public sealed class BackupSchedule : IKubernetesObject<V1ObjectMeta>, ISpec<BackupScheduleSpec>, IStatus<BackupScheduleStatus>
{
    /// <summary>The API group of the kind.</summary>
    public const string Group = ApiGroup.Group;

    /// <summary>The API version of the kind.</summary>
    public const string Version = ApiGroup.Version;

    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "backupschedules";

    /// <summary>The kind's name.</summary>
    public const string KindName = "BackupSchedule";

    /// <summary>APIVersion of the object: <c>backendstack.io/v1alpha1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    /// <summary>Kind of the object: <c>BackupSchedule</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired schedule.</summary>
    [JsonPropertyName("spec")]
    public BackupScheduleSpec Spec { get; set; } = new();

    /// <summary>The observed state, written by the operator.</summary>
    [JsonPropertyName("status")]
    public BackupScheduleStatus Status { get; set; } = new();
}
