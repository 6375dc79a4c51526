using System.Globalization;
using System.Net;
using BackendStack.Operator.Api;
using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.Runtime.Writes;
using k8s.Autorest;
using k8s.Models;

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

    /// <summary>
    /// Deletes the claims once the Redis StatefulSet is gone (a StatefulSet recreates the claim of every pod it starts,
    /// so claims deleted while it lives can come back), then removes the finalizer. False while the StatefulSet is
    /// still being deleted: the reconcile comes back when it is gone.
    /// </summary>
    public async Task<bool> RunAsync(Api.RedisFailover resource, CancellationToken cancellationToken)
    {
        if (resource.Metadata.Finalizers?.Contains(RedisFailoverReconciler.CleanupFinalizer) != true)
        {
            return true;
        }

        var ns = resource.Metadata.NamespaceProperty;
        var statefulSet = new RedisFailoverNames(resource.Metadata.Name).RedisStatefulSet;
        var prefix = $"data-{statefulSet}-";
        var live = await kinds.StatefulSets.Client.GetAsync(ns, statefulSet, cancellationToken).ConfigureAwait(false);
        if (live is not null)
        {
            if (live.Metadata.DeletionTimestamp is null)
            {
                try
                {
                    await kinds.StatefulSets.Client.DeleteAsync(ns, statefulSet, new V1DeleteOptions { PropagationPolicy = "Background" }, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
                {
                    // Gone between the read and the delete: the next pass finds it gone and deletes the claims.
                }
            }

            return false;
        }

        // The claim cache may not have seen the newest claims yet: the claims of every ordinal the
        // spec asks for are deleted by name too (those of a larger StatefulSet are in the cache).
        var cached = kinds.Claims.Cache.List(ns).Select(c => c.Metadata.Name).Where(n => n.StartsWith(prefix, StringComparison.Ordinal));
        var ordinals = resource.Spec.Redis.Replicas;
        foreach (var claim in cached.Union(Enumerable.Range(0, ordinals).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture))).Order(StringComparer.Ordinal))
        {
            try
            {
                await kinds.Claims.Client.DeleteAsync(ns, claim, null, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                // Never created, or already gone.
            }
        }

        await Finalizers.RemoveAsync(kinds.RedisFailovers.Client, resource, RedisFailoverReconciler.CleanupFinalizer, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
