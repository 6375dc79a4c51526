using BackendStack.Operator.Api;
using BackendStack.Operator.AppTiers.Builders;
using BackendStack.Operator.AppTiers.Policy;
using BackendStack.Operator.AppTiers.Status;
using BackendStack.Operator.Runtime.Writes;

namespace BackendStack.Operator.AppTiers;

/// <summary>
/// The side effects of one reconcile of a tier: the children the builders describe are created or patched where
/// they drifted, and children the spec no longer asks for (Service of a worker, HPA without cpu autoscaling) are
/// deleted. Nothing is written for an invalid tier or while a dependency is missing.
/// </summary>
internal sealed class AppTierChildren(AppTierResources kinds, AppTier tier, List<string> changes)
{
    private readonly string ns = tier.Metadata.NamespaceProperty;
    private readonly string name = tier.Metadata.Name;
    private readonly OwnedChildren children = new(tier, changes);

    public async Task<AppTierObservation> ApplyAsync(CancellationToken cancellationToken)
    {
        var existing = children.Owned(kinds.Deployments.Get(ns, name));
        if (AppTierValidation.Validate(tier) is { } invalid)
        {
            return new AppTierObservation { InvalidSpec = invalid, Deployment = existing };
        }

        var connections = ConnectionResolver.Resolve(
            tier, n => kinds.ProxySqls.Get(ns, n), n => kinds.PerconaClusters.Get(ns, n), n => kinds.RedisFailovers.Get(ns, n), n => kinds.GlusterVolumes.Get(ns, n));
        if (connections.NotReady is { } waiting)
        {
            return new AppTierObservation { DependencyNotReady = waiting, Deployment = existing };
        }

        var autoscaler = children.Owned(kinds.Autoscalers.Get(ns, name));
        var plan = ReplicaPlan.For(tier, autoscaler?.Status?.DesiredReplicas, existing?.Spec?.Replicas);
        try
        {
            var deployment = await children.ApplyAsync(kinds.Deployments, DeploymentBuilder.Build(tier, connections, plan), cancellationToken).ConfigureAwait(false);
            await children.ApplyOrDeleteAsync(kinds.Services, name, ServiceBuilder.Build(tier), cancellationToken).ConfigureAwait(false);
            await children.ApplyAsync(kinds.DisruptionBudgets, PodDisruptionBudgetBuilder.Build(tier), cancellationToken).ConfigureAwait(false);
            autoscaler = await children.ApplyOrDeleteAsync(kinds.Autoscalers, name, HorizontalPodAutoscalerBuilder.Build(tier), cancellationToken).ConfigureAwait(false);
            return new AppTierObservation { Deployment = deployment, Autoscaler = autoscaler };
        }
        catch (ChildOwnershipException e)
        {
            return new AppTierObservation { ChildConflict = e.Message, Deployment = existing };
        }
    }
}
