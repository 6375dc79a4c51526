using BackendStack.Operator.Api;

namespace BackendStack.Operator.AppTiers.Policy;

/// <summary>
/// The place of queue-based autoscaling. The scaler (measuring the Redis list and applying the stabilization
/// windows) writes its decision into <c>status.desiredReplicas</c>, <c>queueLength</c> and <c>lastScale*</c>;
/// until it has decided, a queue tier runs at <c>autoscaling.minReplicas</c>, kept within the bounds.
/// </summary>
internal static class QueueScaleDecision
{
    public static int Current(AppTier tier)
    {
        var autoscaling = tier.Spec.Autoscaling!;
        var decided = tier.Status?.DesiredReplicas ?? autoscaling.MinReplicas;
        return Math.Clamp(decided, autoscaling.MinReplicas, autoscaling.MaxReplicas);
    }
}
