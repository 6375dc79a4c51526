using BackendStack.Operator.Runtime.Clients;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.Runtime.Informers;

/// <summary>
/// One informer, and so one cache, per kind (and label selector), shared by every controller that reads the kind: a
/// client restricted to a selector gets an informer of its own, so no reader sees a subset it did not ask for. This is
/// the one place informers are made, so every one of them lists and watches with the selector of
/// <see cref="CacheSelection"/> (only the operator's own children of a kind it creates) and, when
/// <see cref="InformerOptions.Namespaces"/> names namespaces, with one list and watch per namespace.
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
        ArgumentNullException.ThrowIfNull(client);
        lock (gate)
        {
            var key = (client.Type, client.LabelSelector);
            if (informers.TryGetValue(key, out var existing))
            {
                return (Informer<T>)existing;
            }

            var selector = CacheSelection.LabelSelectorFor(client.Type, client.LabelSelector);
            var name = selector is null ? $"{client.Type}" : $"{client.Type}[{selector}]";
            var informer = new Informer<T>(client.WithLabelSelector(selector), options, time, loggers.CreateLogger($"Informer.{name}"));
            informers[key] = informer;
            return informer;
        }
    }

    /// <summary>A client together with the shared informer (and cache) of its kind; the client's own reads and writes are not restricted.</summary>
    public CachedResource<T> Cached<T>(IResourceClient<T> client)
        where T : class, IKubernetesObject<V1ObjectMeta> => new(client, For(client));
}
