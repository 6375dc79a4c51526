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
}
