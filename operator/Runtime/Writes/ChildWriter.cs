using System.Net;
using BackendStack.Operator.Runtime.Clients;
using BackendStack.Operator.Runtime.Informers;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Writes;

/// <summary>
/// Create-or-update of one child with drift detection against the informer's cache: no request at all when the
/// child already holds every field the operator sets, a POST when it is missing, and a merge patch of the owned
/// fields when it drifted. A child controlled by someone else is never touched.
/// </summary>
internal static class ChildWriter
{
    public static async Task<AppliedChild<T>> ApplyAsync<T>(
        IResourceClient<T> client, ObjectCache<T> cache, T desired, string ownerUid, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var key = ObjectKey.Of(desired);
        var live = cache.Get(key);
        if (live is null)
        {
            try
            {
                var created = await client.CreateAsync(desired, cancellationToken).ConfigureAwait(false);
                cache.RecordWrite(created);
                return new AppliedChild<T>(created, ApplyOutcome.Created);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
            {
                // The cache lagged behind a create that already happened: compare with the real object instead.
                live = await client.GetAsync(key.Namespace, key.Name, cancellationToken).ConfigureAwait(false)
                       ?? throw new InvalidOperationException($"{client.Type.Kind} {key} exists and does not exist", e);
            }
        }

        if (!IsControlledBy(live, ownerUid))
        {
            throw new ChildOwnershipException($"{client.Type.Kind} {key} exists and is not controlled by this resource");
        }

        if (OwnedFields.AreSatisfied(desired, live))
        {
            return new AppliedChild<T>(live, ApplyOutcome.Unchanged);
        }

        var patch = new V1Patch(OwnedFields.Owned(desired).ToJsonString(), V1Patch.PatchType.MergePatch);
        var updated = await client.PatchAsync(key.Namespace, key.Name, patch, cancellationToken).ConfigureAwait(false);
        cache.RecordWrite(updated);
        return new AppliedChild<T>(updated, ApplyOutcome.Updated);
    }

    public static bool IsControlledBy(IKubernetesObject<V1ObjectMeta> obj, string ownerUid) =>
        obj.Metadata.OwnerReferences?.Any(r => r.Controller == true && r.Uid == ownerUid) == true;
}
