using k8s.Models;

namespace BackendStack.Operator.AppTiers.Status;

/// <summary>
/// Everything the status of a tier is computed from besides the tier itself: why the reconcile stopped (invalid
/// spec, missing dependency, a child owned by someone else) or the Deployment and HPA as they are now.
/// </summary>
internal sealed record AppTierObservation
{
    public string? InvalidSpec { get; init; }

    public string? DependencyNotReady { get; init; }

    public string? ChildConflict { get; init; }

    public V1Deployment? Deployment { get; init; }

    public V2HorizontalPodAutoscaler? Autoscaler { get; init; }
}
