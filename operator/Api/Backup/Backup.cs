using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>One backup run of a PerconaCluster, RedisFailover or GlusterVolume; a schedule creates them, a person can too.</summary>
[KubernetesEntity(Group = ApiGroup.Group, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("bk")]
[PrinterColumn(1, "TARGET", ".spec.target.name", Description = "Resource backed up")]
[PrinterColumn(2, "METHOD", ".spec.method", Description = "How the backup is taken")]
public sealed class Backup : IKubernetesObject<V1ObjectMeta>, ISpec<BackupSpec>, IStatus<BackupStatus>
{
    /// <summary>The API group of the kind.</summary>
    public const string Group = ApiGroup.Group;

    /// <summary>The API version of the kind.</summary>
    public const string Version = ApiGroup.Version;

    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "backups";

    /// <summary>The kind's name.</summary>
    public const string KindName = "Backup";

    /// <summary>APIVersion of the object: <c>backendstack.io/v1alpha1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    /// <summary>Kind of the object: <c>Backup</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>What to back up and how.</summary>
    [JsonPropertyName("spec")]
    public BackupSpec Spec { get; set; } = new();

    /// <summary>The observed state, written by the operator.</summary>
    [JsonPropertyName("status")]
    public BackupStatus Status { get; set; } = new();
}
