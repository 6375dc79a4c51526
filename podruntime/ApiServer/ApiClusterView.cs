using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.PodRuntime.ApiServer;

/// <summary>The runtime's view of the cluster, mirrored from an API server.</summary>
internal sealed class ApiClusterView : IPodClusterView
{
    public ApiClusterView(IKubernetes client, Action changed, ILogger logger)
    {
        Pods = new(
            ct => client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: ct),
            (rv, ct) => client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: _ => { }, cancellationToken: ct),
            changed,
            logger);
        ConfigMaps = new(
            ct => client.CoreV1.ListConfigMapForAllNamespacesAsync(cancellationToken: ct),
            (rv, ct) => client.CoreV1.WatchListConfigMapForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: _ => { }, cancellationToken: ct),
            changed,
            logger);
        Secrets = new(
            ct => client.CoreV1.ListSecretForAllNamespacesAsync(cancellationToken: ct),
            (rv, ct) => client.CoreV1.WatchListSecretForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: _ => { }, cancellationToken: ct),
            changed,
            logger);
        Claims = new(
            ct => client.CoreV1.ListPersistentVolumeClaimForAllNamespacesAsync(cancellationToken: ct),
            (rv, ct) => client.CoreV1.WatchListPersistentVolumeClaimForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: _ => { }, cancellationToken: ct),
            changed,
            logger);
        Services = new(
            ct => client.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: ct),
            (rv, ct) => client.CoreV1.WatchListServiceForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: _ => { }, cancellationToken: ct),
            changed,
            logger);
    }

    public ResourceMirror<V1Pod, V1PodList> Pods { get; }

    public ResourceMirror<V1ConfigMap, V1ConfigMapList> ConfigMaps { get; }

    public ResourceMirror<V1Secret, V1SecretList> Secrets { get; }

    public ResourceMirror<V1PersistentVolumeClaim, V1PersistentVolumeClaimList> Claims { get; }

    public ResourceMirror<V1Service, V1ServiceList> Services { get; }

    public IEnumerable<Task> Run(CancellationToken cancellationToken) =>
    [
        Pods.RunAsync(cancellationToken),
        ConfigMaps.RunAsync(cancellationToken),
        Secrets.RunAsync(cancellationToken),
        Claims.RunAsync(cancellationToken),
        Services.RunAsync(cancellationToken),
    ];

    public Task Synced => Task.WhenAll(Pods.Synced, ConfigMaps.Synced, Secrets.Synced, Claims.Synced, Services.Synced);

    public V1ConfigMap? GetConfigMap(string namespaceName, string name) => ConfigMaps.Get(namespaceName, name);

    public V1Secret? GetSecret(string namespaceName, string name) => Secrets.Get(namespaceName, name);

    public V1PersistentVolumeClaim? GetPersistentVolumeClaim(string namespaceName, string name) => Claims.Get(namespaceName, name);

    public IReadOnlyList<V1Pod> ListPods() => Pods.List();

    public IReadOnlyList<V1Service> ListServices() => Services.List();
}
