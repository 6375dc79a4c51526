using BackendStack.Operator.Runtime.Clients;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.Runtime.Informers;

/// <summary>
/// One informer, and so one cache and one watch, per kind (and label selector), shared by every controller that
/// reads the kind: a client restricted to a selector gets an informer of its own, so no reader sees a subset it did
/// not ask for.
/// </summary>
internal sealed class SharedInformers(InformerOptions options, TimeProvider time, ILoggerFactory loggers)
{
    private readonly Dictionary<(ResourceType Type, string? Selector), IInformer> informers = [];
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
            var key = (client.Type, client.LabelSelector);
            if (informers.TryGetValue(key, out var existing))
            {
                return (Informer<T>)existing;
            }

            var name = client.LabelSelector is null ? $"{client.Type}" : $"{client.Type}[{client.LabelSelector}]";
            var informer = new Informer<T>(client, options, time, loggers.CreateLogger($"Informer.{name}"));
            informers[key] = informer;
            return informer;
        }
    }

    /// <summary>A client together with the shared informer (and cache) of its kind.</summary>
    public CachedResource<T> Cached<T>(IResourceClient<T> client)
        where T : class, IKubernetesObject<V1ObjectMeta> => new(client, For(client));
}
