using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.AppTiers.Builders;

/// <summary>AppTier in, autoscaling/v2 HorizontalPodAutoscaler out (pure), only when <c>autoscaling.cpu</c> is set.</summary>
internal static class HorizontalPodAutoscalerBuilder
{
    public static V2HorizontalPodAutoscaler? Build(AppTier tier)
    {
        if (tier.Spec.Autoscaling is not { Cpu: { } cpu } autoscaling)
        {
            return null;
        }

        return new V2HorizontalPodAutoscaler
        {
            ApiVersion = "autoscaling/v2",
            Kind = "HorizontalPodAutoscaler",
            Metadata = ChildMetadata.For(tier, tier.Metadata.Name, AppTierLabels.For(tier)),
            Spec = new V2HorizontalPodAutoscalerSpec
            {
                ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = tier.Metadata.Name },
                MinReplicas = Math.Max(1, autoscaling.MinReplicas),
                MaxReplicas = autoscaling.MaxReplicas,
                Metrics =
                [
                    new V2MetricSpec
                    {
                        Type = "Resource",
                        Resource = new V2ResourceMetricSource
                        {
                            Name = "cpu",
                            Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = cpu.TargetUtilization },
                        },
                    },
                ],
                Behavior = new V2HorizontalPodAutoscalerBehavior
                {
                    ScaleUp = new V2HPAScalingRules { StabilizationWindowSeconds = autoscaling.ScaleUpStabilizationSeconds },
                    ScaleDown = new V2HPAScalingRules { StabilizationWindowSeconds = autoscaling.ScaleDownStabilizationSeconds },
                },
            },
        };
    }
}
