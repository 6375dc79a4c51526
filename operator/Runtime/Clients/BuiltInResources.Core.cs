using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Clients;

internal static partial class BuiltInResources
{
    public static IResourceClient<V1Service> Services(IKubernetes k) =>
        new BuiltInResourceClient<V1Service, V1ServiceList>(
            new ResourceType(string.Empty, "v1", "services", "Service"),
            new(
                (ns, selector, limit, cont, ct) => ns is null
                    ? k.CoreV1.ListServiceForAllNamespacesWithHttpMessagesAsync(continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct)
                    : k.CoreV1.ListNamespacedServiceWithHttpMessagesAsync(ns, continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct),
                (ns, selector, rv, timeout, onError, ct) => ns is null
                    ? k.CoreV1.WatchListServiceForAllNamespacesAsync(
                        allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
                    : k.CoreV1.WatchListNamespacedServiceAsync(
                        ns, allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
                (ns, name, ct) => k.CoreV1.ReadNamespacedServiceAsync(name, ns, cancellationToken: ct),
                (o, ct) => k.CoreV1.CreateNamespacedServiceAsync(o, o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (o, ct) => k.CoreV1.ReplaceNamespacedServiceAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (p, ns, name, ct) => k.CoreV1.PatchNamespacedServiceAsync(p, name, ns, fieldManager: FieldManager.Name, cancellationToken: ct),
                (ns, name, opts, ct) => k.CoreV1.DeleteNamespacedServiceAsync(name, ns, opts, cancellationToken: ct)));

    public static IResourceClient<V1ConfigMap> ConfigMaps(IKubernetes k) =>
        new BuiltInResourceClient<V1ConfigMap, V1ConfigMapList>(
            new ResourceType(string.Empty, "v1", "configmaps", "ConfigMap"),
            new(
                (ns, selector, limit, cont, ct) => ns is null
                    ? k.CoreV1.ListConfigMapForAllNamespacesWithHttpMessagesAsync(continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct)
                    : k.CoreV1.ListNamespacedConfigMapWithHttpMessagesAsync(ns, continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct),
                (ns, selector, rv, timeout, onError, ct) => ns is null
                    ? k.CoreV1.WatchListConfigMapForAllNamespacesAsync(
                        allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
                    : k.CoreV1.WatchListNamespacedConfigMapAsync(
                        ns, allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
                (ns, name, ct) => k.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: ct),
                (o, ct) => k.CoreV1.CreateNamespacedConfigMapAsync(o, o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (o, ct) => k.CoreV1.ReplaceNamespacedConfigMapAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (p, ns, name, ct) => k.CoreV1.PatchNamespacedConfigMapAsync(p, name, ns, fieldManager: FieldManager.Name, cancellationToken: ct),
                (ns, name, opts, ct) => k.CoreV1.DeleteNamespacedConfigMapAsync(name, ns, opts, cancellationToken: ct)));

    public static IResourceClient<V1Secret> Secrets(IKubernetes k) =>
        new BuiltInResourceClient<V1Secret, V1SecretList>(
            new ResourceType(string.Empty, "v1", "secrets", "Secret"),
            new(
                (ns, selector, limit, cont, ct) => ns is null
                    ? k.CoreV1.ListSecretForAllNamespacesWithHttpMessagesAsync(continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct)
                    : k.CoreV1.ListNamespacedSecretWithHttpMessagesAsync(ns, continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct),
                (ns, selector, rv, timeout, onError, ct) => ns is null
                    ? k.CoreV1.WatchListSecretForAllNamespacesAsync(
                        allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
                    : k.CoreV1.WatchListNamespacedSecretAsync(
                        ns, allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
                (ns, name, ct) => k.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: ct),
                (o, ct) => k.CoreV1.CreateNamespacedSecretAsync(o, o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (o, ct) => k.CoreV1.ReplaceNamespacedSecretAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (p, ns, name, ct) => k.CoreV1.PatchNamespacedSecretAsync(p, name, ns, fieldManager: FieldManager.Name, cancellationToken: ct),
                (ns, name, opts, ct) => k.CoreV1.DeleteNamespacedSecretAsync(name, ns, opts, cancellationToken: ct)));
}
