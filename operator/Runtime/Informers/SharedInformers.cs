using BackendStack.Operator.Runtime.Clients;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.Runtime.Informers;

/// <summary>One informer, and so one cache and one watch, per kind, shared by every controller that reads the kind.</summary>
internal sealed class SharedInformers(InformerOptions options, TimeProvider time, ILoggerFactory loggers)
{
    private readonly Dictionary<ResourceType, IInformer> informers = [];
    private readonly Lock gate = new();

    public IReadOnlyList<IInformer> All
    {
        get
        {
            lock (gate)
            {
                return [.. informers.Values];
            }
        }
    }

    public Informer<T> For<T>(IResourceClient<T> client)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (gate)
        {
            if (informers.TryGetValue(client.Type, out var existing))
            {
                return (Informer<T>)existing;
            }

            var informer = new Informer<T>(client, options, time, loggers.CreateLogger($"Informer.{client.Type}"));
            informers[client.Type] = informer;
            return informer;
        }
    }

    /// <summary>A client together with the shared informer (and cache) of its kind.</summary>
    public CachedResource<T> Cached<T>(IResourceClient<T> client)
        where T : class, IKubernetesObject<V1ObjectMeta> => new(client, For(client));
}
