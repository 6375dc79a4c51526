using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>Backups on a cron schedule, as ZFS or volume snapshots that lock nothing, with sanoid-like retention.</summary>
[KubernetesEntity(Group = ApiGroup.Group, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("bs")]
[PrinterColumn(1, "SCHEDULE", ".spec.schedule", Description = "Cron expression, UTC")]
[PrinterColumn(2, "LAST SUCCESS", ".status.lastSuccessfulTime", Type = "date", Description = "When a backup last succeeded")]
[PrinterColumn(3, "NEXT", ".status.nextScheduleTime", Type = "date", Description = "When the next backup is due")]
public sealed class BackupSchedule : CustomResource<BackupScheduleSpec, BackupScheduleStatus>
{
    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "backupschedules";

    /// <summary>The kind's name.</summary>
    public const string KindName = "BackupSchedule";

    /// <summary>An empty BackupSchedule with apiVersion and kind set.</summary>
    public BackupSchedule()
        : base(KindName)
    {
    }
}
