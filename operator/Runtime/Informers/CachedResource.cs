using BackendStack.Operator.Runtime.Clients;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Informers;

/// <summary>One kind as a reconciler uses it: reads from the informer's cache, writes through the client.</summary>
internal sealed record CachedResource<T>(IResourceClient<T> Client, Informer<T> Informer)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public ObjectCache<T> Cache => Informer.Cache;

    public T? Get(string @namespace, string name) => Cache.Get(new ObjectKey(@namespace, name));

    /// <summary>The cached object, else a GET by name: the cache holds only what the operator made, so one the user names is read directly.</summary>
    public async Task<T?> GetOrReadAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        Get(@namespace, name) ?? await Client.GetAsync(@namespace, name, cancellationToken).ConfigureAwait(false);
}
