using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Clients;

/// <summary>A built-in kind served through the client's typed API; <paramref name="labelSelector"/> names the selector its verbs list and watch with.</summary>
internal sealed class BuiltInResourceClient<T, TList>(ResourceType type, BuiltInVerbs<T, TList> verbs, string? labelSelector = null) : IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : IKubernetesObject<V1ListMeta>, IItems<T>
{
    public ResourceType Type => type;

    public string? LabelSelector => labelSelector;

    public IResourceClient<T> WithLabelSelector(string? selector) =>
        selector == labelSelector ? this : new BuiltInResourceClient<T, TList>(type, verbs, selector);

    public async Task<ResourcePage<T>> ListAsync(string? @namespace, int limit, string? continueToken, CancellationToken cancellationToken)
    {
        using var response = await verbs.List(@namespace, labelSelector, limit, continueToken, cancellationToken).ConfigureAwait(false);
        var list = response.Body;
        return new ResourcePage<T>([.. list.Items], list.Metadata.ResourceVersion, list.Metadata.ContinueProperty);
    }

    public IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? @namespace, string resourceVersion, int timeoutSeconds, Action<Exception> onError, CancellationToken cancellationToken) =>
        verbs.Watch(@namespace, labelSelector, resourceVersion, timeoutSeconds, onError, cancellationToken);

    public async Task<T?> GetAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await verbs.Read(@namespace, name, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<T> CreateAsync(T obj, CancellationToken cancellationToken) => verbs.Create(obj, cancellationToken);

    public Task<T> ReplaceAsync(T obj, CancellationToken cancellationToken) => verbs.Replace(obj, cancellationToken);

    public Task<T> PatchAsync(string @namespace, string name, V1Patch patch, CancellationToken cancellationToken) =>
        verbs.Patch(patch, @namespace, name, cancellationToken);

    public Task<T> ReplaceStatusAsync(T obj, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"the operator never writes the status of {type}");

    public Task DeleteAsync(string @namespace, string name, V1DeleteOptions? options, CancellationToken cancellationToken) =>
        verbs.Delete(@namespace, name, options, cancellationToken);
}
