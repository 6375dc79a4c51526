using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Informers;
using BackendStack.Operator.Runtime.Writes;
using k8s;
using k8s.Models;

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
    private readonly string uid = tier.Metadata.Uid;

    public async Task<AppTierObservation> ApplyAsync(CancellationToken cancellationToken)
    {
        var existing = Owned(kinds.Deployments.Get(ns, name));
        if (AppTierValidation.Validate(tier) is { } invalid)
        {
            return new AppTierObservation { InvalidSpec = invalid, Deployment = existing };
        }

        var connections = ConnectionResolver.Resolve(
            tier, n => kinds.ProxySqls.Get(ns, n), n => kinds.RedisFailovers.Get(ns, n), n => kinds.GlusterVolumes.Get(ns, n));
        if (connections.NotReady is { } waiting)
        {
            return new AppTierObservation { DependencyNotReady = waiting, Deployment = existing };
        }

        var autoscaler = Owned(kinds.Autoscalers.Get(ns, name));
        var plan = ReplicaPlan.For(tier, autoscaler?.Status?.DesiredReplicas, existing?.Spec?.Replicas);
        try
        {
            var deployment = await ApplyAsync(kinds.Deployments, DeploymentBuilder.Build(tier, connections, plan), cancellationToken).ConfigureAwait(false);
            await ApplyAsync(kinds.Services, ServiceBuilder.Build(tier), cancellationToken).ConfigureAwait(false);
            await ApplyAsync(kinds.DisruptionBudgets, PodDisruptionBudgetBuilder.Build(tier), cancellationToken).ConfigureAwait(false);
            autoscaler = await ApplyAsync(kinds.Autoscalers, HorizontalPodAutoscalerBuilder.Build(tier), cancellationToken).ConfigureAwait(false);
            return new AppTierObservation { Deployment = deployment, Autoscaler = autoscaler };
        }
        catch (ChildOwnershipException e)
        {
            return new AppTierObservation { ChildConflict = e.Message, Deployment = existing };
        }
    }

    /// <summary>Creates or patches <paramref name="desired"/>; when it is null, deletes the child this tier owns under the same name.</summary>
    private async Task<T?> ApplyAsync<T>(CachedResource<T> kind, T? desired, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (desired is not null)
        {
            var applied = await ChildWriter.ApplyAsync(kind.Client, kind.Cache, desired, uid, cancellationToken).ConfigureAwait(false);
            if (applied.Outcome != ApplyOutcome.Unchanged)
            {
                changes.Add($"{applied.Outcome.ToString().ToLowerInvariant()} {kind.Client.Type.Kind}");
            }

            return applied.Object;
        }

        if (Owned(kind.Get(ns, name)) is { } obsolete)
        {
            var options = new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = obsolete.Metadata.Uid } };
            await kind.Client.DeleteAsync(ns, name, options, cancellationToken).ConfigureAwait(false);
            kind.Cache.ForgetWrite(ObjectKey.Of(obsolete));
            changes.Add($"deleted {kind.Client.Type.Kind}");
        }

        return null;
    }

    private T? Owned<T>(T? child)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        child is not null && ChildWriter.IsControlledBy(child, uid) ? child : null;
}
