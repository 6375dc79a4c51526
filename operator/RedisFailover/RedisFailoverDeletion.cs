using BackendStack.Operator.Api;
using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.Runtime.Writes;

namespace BackendStack.Operator.RedisFailovers;

/// <summary>
/// With storage.deletePolicy: Delete, deleting a RedisFailover deletes the claims of its Redis pods
/// (<see cref="StatefulSetClaimCleanup{T}"/>); by default they stay.
/// </summary>
internal sealed class RedisFailoverDeletion(RedisFailoverResources kinds)
{
    private readonly StatefulSetClaimCleanup<Api.RedisFailover> cleanup = new(kinds.RedisFailovers.Client, kinds.StatefulSets.Client, kinds.Claims.Client);

    public static bool DeletesClaims(Api.RedisFailover resource) => resource.Spec.Redis.Storage?.DeletePolicy == DeletePolicy.Delete;

    public Task<Api.RedisFailover> EnsureFinalizerAsync(Api.RedisFailover resource, CancellationToken cancellationToken) =>
        cleanup.EnsureFinalizerAsync(resource, DeletesClaims(resource), cancellationToken);

    /// <summary>False while the Redis StatefulSet is still being deleted: the reconcile comes back when it is gone.</summary>
    public Task<bool> RunAsync(Api.RedisFailover resource, CancellationToken cancellationToken) =>
        // The claim cache may not have seen the newest claims yet: the claims of every ordinal the spec asks for are
        // deleted by name too (those of a larger StatefulSet are in the cache).
        cleanup.RunAsync(resource, new RedisFailoverNames(resource.Metadata.Name).RedisStatefulSet, "data", resource.Spec.Redis.Replicas,
            kinds.Claims.Cache.List(resource.Metadata.NamespaceProperty).Select(c => c.Metadata.Name), cancellationToken);
}
