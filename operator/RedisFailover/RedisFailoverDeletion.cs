using System.Globalization;
using System.Net;
using BackendStack.Operator.Api;
using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.Runtime.Writes;
using k8s.Autorest;

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

        var ns = resource.Metadata.NamespaceProperty;
        var statefulSet = new RedisFailoverNames(resource.Metadata.Name).RedisStatefulSet;
        var prefix = $"data-{statefulSet}-";
        // The claim cache may not have seen the newest claims yet: the claims of every ordinal the
        // StatefulSet has or was asked for are deleted by name too.
        var cached = kinds.Claims.Cache.List(ns).Select(c => c.Metadata.Name).Where(n => n.StartsWith(prefix, StringComparison.Ordinal));
        var ordinals = Math.Max(resource.Spec.Redis.Replicas, kinds.StatefulSets.Get(ns, statefulSet)?.Spec.Replicas ?? 0);
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
    }
}
