using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>One backup run of a PerconaCluster, RedisFailover or GlusterVolume; a schedule creates them, a person can too.</summary>
[KubernetesEntity(Group = ApiGroup.Group, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("bk")]
[PrinterColumn(1, "TARGET", ".spec.target.name", Description = "Resource backed up")]
[PrinterColumn(2, "METHOD", ".spec.method", Description = "How the backup is taken")]
public sealed class Backup : CustomResource<BackupSpec, BackupStatus>
{
    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "backups";

    /// <summary>The kind's name.</summary>
    public const string KindName = "Backup";

    /// <summary>An empty Backup with apiVersion and kind set.</summary>
    public Backup()
        : base(KindName)
    {
    }
}
