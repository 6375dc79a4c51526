using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Clients;

internal static partial class BuiltInResources
{
    /// <summary>Pods, or with <paramref name="labelSelector"/> only the Pods it selects: a cluster's Pods are many, and a controller that reads a few of them need not hold the rest.</summary>
    public static IResourceClient<V1Pod> Pods(IKubernetes k, string? labelSelector = null) =>
        new BuiltInResourceClient<V1Pod, V1PodList>(
            new ResourceType(string.Empty, "v1", "pods", "Pod"),
            new(
                (ns, selector, limit, cont, ct) => ns is null
                    ? k.CoreV1.ListPodForAllNamespacesWithHttpMessagesAsync(continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct)
                    : k.CoreV1.ListNamespacedPodWithHttpMessagesAsync(ns, continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct),
                (ns, selector, rv, timeout, onError, ct) => ns is null
                    ? k.CoreV1.WatchListPodForAllNamespacesAsync(
                        allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
                    : k.CoreV1.WatchListNamespacedPodAsync(
                        ns, allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
                (ns, name, ct) => k.CoreV1.ReadNamespacedPodAsync(name, ns, cancellationToken: ct),
                (o, ct) => k.CoreV1.CreateNamespacedPodAsync(o, o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (o, ct) => k.CoreV1.ReplaceNamespacedPodAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (p, ns, name, ct) => k.CoreV1.PatchNamespacedPodAsync(p, name, ns, fieldManager: FieldManager.Name, cancellationToken: ct),
                (ns, name, opts, ct) => k.CoreV1.DeleteNamespacedPodAsync(name, ns, opts, cancellationToken: ct)),
            labelSelector);

    public static IResourceClient<V1PersistentVolumeClaim> PersistentVolumeClaims(IKubernetes k) =>
        new BuiltInResourceClient<V1PersistentVolumeClaim, V1PersistentVolumeClaimList>(
            new ResourceType(string.Empty, "v1", "persistentvolumeclaims", "PersistentVolumeClaim"),
            new(
                (ns, selector, limit, cont, ct) => ns is null
                    ? k.CoreV1.ListPersistentVolumeClaimForAllNamespacesWithHttpMessagesAsync(continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct)
                    : k.CoreV1.ListNamespacedPersistentVolumeClaimWithHttpMessagesAsync(ns, continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct),
                (ns, selector, rv, timeout, onError, ct) => ns is null
                    ? k.CoreV1.WatchListPersistentVolumeClaimForAllNamespacesAsync(
                        allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
                    : k.CoreV1.WatchListNamespacedPersistentVolumeClaimAsync(
                        ns, allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
                (ns, name, ct) => k.CoreV1.ReadNamespacedPersistentVolumeClaimAsync(name, ns, cancellationToken: ct),
                (o, ct) => k.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(o, o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (o, ct) => k.CoreV1.ReplaceNamespacedPersistentVolumeClaimAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (p, ns, name, ct) => k.CoreV1.PatchNamespacedPersistentVolumeClaimAsync(p, name, ns, fieldManager: FieldManager.Name, cancellationToken: ct),
                (ns, name, opts, ct) => k.CoreV1.DeleteNamespacedPersistentVolumeClaimAsync(name, ns, opts, cancellationToken: ct)));
}
