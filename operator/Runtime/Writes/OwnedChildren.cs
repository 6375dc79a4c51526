using BackendStack.Operator.Runtime.Informers;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Writes;

/// <summary>
/// The children of one resource as one reconcile writes them: a desired child is created, or patched where it
/// drifted (<see cref="ChildWriter"/>); a child the spec no longer asks for is deleted, conditionally on the uid seen.
/// Every write is named in <c>changes</c> for the reconcile's log line; a reconcile with nothing to do writes nothing.
/// </summary>
internal sealed class OwnedChildren(IKubernetesObject<V1ObjectMeta> owner, List<string> changes)
{
    private readonly string ns = owner.Metadata.NamespaceProperty;
    private readonly string uid = owner.Metadata.Uid;

    /// <summary>Creates or patches <paramref name="desired"/>; returns the child as it is now.</summary>
    public async Task<T> ApplyAsync<T>(CachedResource<T> kind, T desired, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(kind);
        var applied = await ChildWriter.ApplyAsync(kind.Client, kind.Cache, desired, uid, cancellationToken).ConfigureAwait(false);
        if (applied.Outcome != ApplyOutcome.Unchanged)
        {
            changes.Add($"{applied.Outcome.ToString().ToLowerInvariant()} {kind.Client.Type.Kind} {desired.Metadata.Name}");
        }

        return applied.Object;
    }

    /// <summary>Applies <paramref name="desired"/>, or, when it is null, deletes the child this resource controls under <paramref name="name"/>.</summary>
    public async Task<T?> ApplyOrDeleteAsync<T>(CachedResource<T> kind, string name, T? desired, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (desired is not null)
        {
            return await ApplyAsync(kind, desired, cancellationToken).ConfigureAwait(false);
        }

        if (Owned(kind.Get(ns, name)) is { } obsolete)
        {
            var options = new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = obsolete.Metadata.Uid } };
            await kind.Client.DeleteAsync(ns, name, options, cancellationToken).ConfigureAwait(false);
            kind.Cache.ForgetWrite(ObjectKey.Of(obsolete));
            changes.Add($"deleted {kind.Client.Type.Kind} {name}");
        }

        return null;
    }

    /// <summary>The child when this resource controls it; null for a missing child or one controlled by someone else.</summary>
    public T? Owned<T>(T? child)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        child is not null && ChildWriter.IsControlledBy(child, uid) ? child : null;
}
