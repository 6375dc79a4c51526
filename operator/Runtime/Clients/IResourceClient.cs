using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Clients;

/// <summary>
/// The verbs the runtime needs on one kind, the same for built-ins (typed API) and custom resources
/// (CustomObjects API). Methods that read one object return null on 404; every other failure throws
/// <see cref="k8s.Autorest.HttpOperationException"/>.
/// </summary>
internal interface IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    ResourceType Type { get; }

    /// <summary>The label selector every LIST and WATCH of this client carries (null: every object of the kind).</summary>
    string? LabelSelector => null;

    /// <summary>
    /// The same kind with every LIST and WATCH restricted to <paramref name="labelSelector"/> (GET and writes unchanged).
    /// What <see cref="Informers.SharedInformers"/> uses to give each informer the selector of <see cref="Informers.CacheSelection"/>.
    /// </summary>
    IResourceClient<T> WithLabelSelector(string? labelSelector) =>
        labelSelector == LabelSelector ? this : throw new NotSupportedException($"{Type} cannot list by label selector");

    /// <summary>Lists one page; <paramref name="namespace"/> null lists every namespace.</summary>
    Task<ResourcePage<T>> ListAsync(string? @namespace, int limit, string? continueToken, CancellationToken cancellationToken);

    /// <summary>
    /// Watches from <paramref name="resourceVersion"/> with bookmarks. <paramref name="onError"/> receives ERROR events
    /// (a 410 Expired arrives here, as a <see cref="KubernetesException"/>) and undecodable lines.
    /// </summary>
    IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? @namespace, string resourceVersion, int timeoutSeconds, Action<Exception> onError, CancellationToken cancellationToken);

    Task<T?> GetAsync(string @namespace, string name, CancellationToken cancellationToken);

    Task<T> CreateAsync(T obj, CancellationToken cancellationToken);

    /// <summary>PUT: fails with 409 when the object's resourceVersion is stale.</summary>
    Task<T> ReplaceAsync(T obj, CancellationToken cancellationToken);

    Task<T> PatchAsync(string @namespace, string name, V1Patch patch, CancellationToken cancellationToken);

    /// <summary>PUT on the status subresource: fails with 409 when the object's resourceVersion is stale.</summary>
    Task<T> ReplaceStatusAsync(T obj, CancellationToken cancellationToken);

    Task DeleteAsync(string @namespace, string name, V1DeleteOptions? options, CancellationToken cancellationToken);
}
