using BackendStack.Operator.Api;
using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.Runtime.Writes;

namespace BackendStack.Operator.RedisFailovers;

/// <summary>
/// PersistentVolumeClaims outlive the resource by default (they carry no owner reference). Only
/// with storage.deletePolicy: Delete does the resource get the cleanup finalizer, and deleting it
/// then deletes the claims of its Redis pods.
/// </summary>
internal sealed class RedisFailoverDeletion(RedisFailoverResources kinds)
{
    public static bool DeletesClaims(Api.RedisFailover resource) => resource.Spec.Redis.Storage?.DeletePolicy == DeletePolicy.Delete;

    public async Task<Api.RedisFailover> EnsureFinalizerAsync(Api.RedisFailover resource, CancellationToken cancellationToken)
    {
        var has = resource.Metadata.Finalizers?.Contains(RedisFailoverReconciler.CleanupFinalizer) == true;
        if (DeletesClaims(resource) && !has)
        {
            return await Finalizers.EnsureAsync(kinds.RedisFailovers.Client, resource, RedisFailoverReconciler.CleanupFinalizer, cancellationToken).ConfigureAwait(false);
        }

        return !DeletesClaims(resource) && has
            ? await Finalizers.RemoveAsync(kinds.RedisFailovers.Client, resource, RedisFailoverReconciler.CleanupFinalizer, cancellationToken).ConfigureAwait(false)
            : resource;
    }

    public async Task RunAsync(Api.RedisFailover resource, CancellationToken cancellationToken)
    {
        if (resource.Metadata.Finalizers?.Contains(RedisFailoverReconciler.CleanupFinalizer) != true)
        {
            return;
        }

        var prefix = $"data-{new RedisFailoverNames(resource.Metadata.Name).RedisStatefulSet}-";
        foreach (var claim in kinds.Claims.Cache.List(resource.Metadata.NamespaceProperty).Where(c => c.Metadata.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            await kinds.Claims.Client.DeleteAsync(claim.Metadata.NamespaceProperty, claim.Metadata.Name, null, cancellationToken).ConfigureAwait(false);
        }

        await Finalizers.RemoveAsync(kinds.RedisFailovers.Client, resource, RedisFailoverReconciler.CleanupFinalizer, cancellationToken).ConfigureAwait(false);
    }
}
