using System.Globalization;
using System.Net;
using BackendStack.Operator.Runtime.Clients;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Writes;

/// <summary>
/// PersistentVolumeClaims outlive their resource by default (they carry no owner reference). With
/// storage.deletePolicy: Delete the resource carries the cleanup finalizer, and deleting it deletes the claims of its
/// StatefulSet once the StatefulSet is gone (a StatefulSet recreates the claim of every pod it starts, so claims
/// deleted while it lives can come back), then removes the finalizer.
/// </summary>
internal sealed class StatefulSetClaimCleanup<T>(IResourceClient<T> owners, IResourceClient<V1StatefulSet> statefulSets, IResourceClient<V1PersistentVolumeClaim> claims)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public const string Finalizer = "backendstack.io/cleanup";

    /// <summary>Adds or removes the finalizer as the delete policy asks; returns the resource as it is now.</summary>
    public async Task<T> EnsureFinalizerAsync(T resource, bool deletesClaims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var has = resource.Metadata.Finalizers?.Contains(Finalizer) == true;
        if (deletesClaims && !has)
        {
            return await Finalizers.EnsureAsync(owners, resource, Finalizer, cancellationToken).ConfigureAwait(false);
        }

        return !deletesClaims && has ? await Finalizers.RemoveAsync(owners, resource, Finalizer, cancellationToken).ConfigureAwait(false) : resource;
    }

    /// <summary>
    /// Deletes the StatefulSet, then the claims <c>&lt;template&gt;-&lt;statefulSet&gt;-&lt;ordinal&gt;</c> of every ordinal
    /// below <paramref name="ordinals"/> and every name in <paramref name="knownClaims"/>, then removes the finalizer.
    /// False while the StatefulSet still exists: the owner's reconcile comes back when it is gone.
    /// </summary>
    public async Task<bool> RunAsync(T resource, string statefulSet, string claimTemplate, int ordinals, IEnumerable<string> knownClaims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Metadata.Finalizers?.Contains(Finalizer) != true)
        {
            return true;
        }

        var ns = resource.Metadata.NamespaceProperty;
        var live = await statefulSets.GetAsync(ns, statefulSet, cancellationToken).ConfigureAwait(false);
        if (live is not null)
        {
            if (live.Metadata.DeletionTimestamp is null)
            {
                await IgnoreNotFoundAsync(() => statefulSets.DeleteAsync(ns, statefulSet, new V1DeleteOptions { PropagationPolicy = "Background" }, cancellationToken)).ConfigureAwait(false);
            }

            return false;
        }

        var prefix = $"{claimTemplate}-{statefulSet}-";
        var names = knownClaims.Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Union(Enumerable.Range(0, ordinals).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)));
        foreach (var claim in names.Order(StringComparer.Ordinal))
        {
            await IgnoreNotFoundAsync(() => claims.DeleteAsync(ns, claim, null, cancellationToken)).ConfigureAwait(false);
        }

        await Finalizers.RemoveAsync(owners, resource, Finalizer, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task IgnoreNotFoundAsync(Func<Task> delete)
    {
        try
        {
            await delete().ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Never created, or already gone.
        }
    }
}
