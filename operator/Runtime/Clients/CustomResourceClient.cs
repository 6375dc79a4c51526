using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Clients;

/// <summary>
/// A custom resource served through the client's CustomObjects API, (de)serialized with KubernetesJson;
/// <paramref name="labelSelector"/> names the selector its lists and watches carry.
/// </summary>
internal sealed class CustomResourceClient<T>(IKubernetes client, ResourceType type, string? labelSelector = null) : IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>A client for a kind whose type carries <see cref="KubernetesEntityAttribute"/>.</summary>
    public CustomResourceClient(IKubernetes client)
        : this(client, TypeOf())
    {
    }

    public ResourceType Type => type;

    public string? LabelSelector => labelSelector;

    public IResourceClient<T> WithLabelSelector(string? selector) =>
        selector == labelSelector ? this : new CustomResourceClient<T>(client, type, selector);

    public async Task<ResourcePage<T>> ListAsync(string? @namespace, int limit, string? continueToken, CancellationToken cancellationToken)
    {
        using var response = await (@namespace is null
            ? client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<CustomResourceList<T>>(
                type.Group, type.Version, type.Plural, continueParameter: continueToken, labelSelector: labelSelector, limit: limit, cancellationToken: cancellationToken)
            : client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<CustomResourceList<T>>(
                type.Group, type.Version, @namespace, type.Plural, continueParameter: continueToken, labelSelector: labelSelector, limit: limit, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var list = response.Body;
        return new ResourcePage<T>([.. list.Items], list.Metadata.ResourceVersion, list.Metadata.ContinueProperty);
    }

    public async IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? @namespace, string resourceVersion, int timeoutSeconds, Action<Exception> onError,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = @namespace is null
            ? client.CustomObjects.WatchListClusterCustomObjectAsync(
                type.Group, type.Version, type.Plural, allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion,
                timeoutSeconds: timeoutSeconds, onError: onError, cancellationToken: cancellationToken)
            : client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                type.Group, type.Version, @namespace, type.Plural, allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion,
                timeoutSeconds: timeoutSeconds, onError: onError, cancellationToken: cancellationToken);
        await foreach (var (eventType, body) in events.ConfigureAwait(false))
        {
            // The CustomObjects watch yields untyped JSON; every object is re-read as T.
            var typed = body switch
            {
                T already => already,
                JsonElement json => KubernetesJson.Deserialize<T>(json.GetRawText()),
                _ => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(body)),
            };
            yield return (eventType, typed);
        }
    }

    public async Task<T?> GetAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CustomObjects.GetNamespacedCustomObjectAsync<T>(
                type.Group, type.Version, @namespace, type.Plural, name, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<T> CreateAsync(T obj, CancellationToken cancellationToken) =>
        client.CustomObjects.CreateNamespacedCustomObjectAsync<T>(
            WithTypeMeta(obj), type.Group, type.Version, obj.Metadata.NamespaceProperty, type.Plural,
            fieldManager: FieldManager.Name, cancellationToken: cancellationToken);

    public Task<T> ReplaceAsync(T obj, CancellationToken cancellationToken) =>
        client.CustomObjects.ReplaceNamespacedCustomObjectAsync<T>(
            WithTypeMeta(obj), type.Group, type.Version, obj.Metadata.NamespaceProperty, type.Plural, obj.Metadata.Name,
            fieldManager: FieldManager.Name, cancellationToken: cancellationToken);

    public Task<T> PatchAsync(string @namespace, string name, V1Patch patch, CancellationToken cancellationToken) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync<T>(
            patch, type.Group, type.Version, @namespace, type.Plural, name,
            fieldManager: FieldManager.Name, cancellationToken: cancellationToken);

    public Task<T> ReplaceStatusAsync(T obj, CancellationToken cancellationToken) =>
        client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<T>(
            WithTypeMeta(obj), type.Group, type.Version, obj.Metadata.NamespaceProperty, type.Plural, obj.Metadata.Name,
            fieldManager: FieldManager.Name, cancellationToken: cancellationToken);

    public Task DeleteAsync(string @namespace, string name, V1DeleteOptions? options, CancellationToken cancellationToken) =>
        client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            type.Group, type.Version, @namespace, type.Plural, name, options, cancellationToken: cancellationToken);

    private static ResourceType TypeOf()
    {
        var entity = typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()
                     ?? throw new InvalidOperationException($"{typeof(T).Name} has no KubernetesEntity attribute");
        return new ResourceType(entity.Group, entity.ApiVersion, entity.PluralName, entity.Kind);
    }

    // Typed objects do not always carry apiVersion/kind; the API server needs them in a custom resource's body.
    private T WithTypeMeta(T obj)
    {
        obj.ApiVersion ??= type.ApiVersion;
        obj.Kind ??= type.Kind;
        return obj;
    }
}
