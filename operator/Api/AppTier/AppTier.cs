using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>A stateless tier: web servers, app servers, or async workers that pull jobs from a Redis queue.</summary>
[KubernetesEntity(Group = ApiGroup.Group, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("at")]
[PrinterColumn(1, "ROLE", ".spec.role", Description = "web, app or worker")]
[PrinterColumn(2, "REPLICAS", ".status.replicas", Type = "integer", Description = "Pods that exist")]
[PrinterColumn(3, "DESIRED", ".status.desiredReplicas", Type = "integer", Description = "Pods wanted")]
[PrinterColumn(4, "QUEUE", ".status.queueLength", Type = "integer", Description = "Length of the queue a worker tier scales on")]
[ScaleSubresource(".spec.replicas", ".status.replicas", LabelSelectorPath = ".status.selector")]
public sealed class AppTier : CustomResource<AppTierSpec, AppTierStatus>
{
    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "apptiers";

    /// <summary>The kind's name.</summary>
    public const string KindName = "AppTier";

    /// <summary>An empty AppTier with apiVersion and kind set.</summary>
    public AppTier()
        : base(KindName)
    {
    }
}
