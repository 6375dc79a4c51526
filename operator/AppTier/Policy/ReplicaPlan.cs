using BackendStack.Operator.Api;

namespace BackendStack.Operator.AppTiers.Policy;

/// <summary>
/// Who decides a tier's pod count. Without autoscaling it is <c>spec.replicas</c>; with CPU autoscaling the HPA owns
/// the Deployment's replicas (the operator leaves them alone); with queue autoscaling the queue scaler (a separate
/// step, see <see cref="QueueScaleDecision"/>) records its decision in <c>status.desiredReplicas</c> and the
/// Deployment follows it.
/// </summary>
internal sealed record ReplicaPlan(int? DeploymentReplicas, int Desired)
{
    public static ReplicaPlan For(AppTier tier, int? hpaDesired, int? currentReplicas)
    {
        var autoscaling = tier.Spec.Autoscaling;
        if (autoscaling?.Cpu is not null)
        {
            return new ReplicaPlan(null, hpaDesired ?? currentReplicas ?? autoscaling.MinReplicas);
        }

        if (autoscaling?.Queue is not null)
        {
            var decided = QueueScaleDecision.Current(tier);
            return new ReplicaPlan(decided, decided);
        }

        return new ReplicaPlan(tier.Spec.Replicas, tier.Spec.Replicas);
    }
}
