using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>A replicated GlusterFS volume for files shared by many pods.</summary>
[KubernetesEntity(Group = ApiGroup.Group, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("gv")]
[PrinterColumn(1, "BRICKS", ".status.bricksOnline", Description = "Bricks online out of all")]
[PrinterColumn(2, "HEAL", ".status.healPending", Type = "integer", Description = "Entries waiting to be healed")]
public sealed class GlusterVolume : CustomResource<GlusterVolumeSpec, GlusterVolumeStatus>
{
    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "glustervolumes";

    /// <summary>The kind's name.</summary>
    public const string KindName = "GlusterVolume";

    /// <summary>An empty GlusterVolume with apiVersion and kind set.</summary>
    public GlusterVolume()
        : base(KindName)
    {
    }
}
