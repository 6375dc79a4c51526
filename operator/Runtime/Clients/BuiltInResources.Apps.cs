using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Clients;

/// <summary>Clients for the built-in kinds the operator reads or writes, each over the typed API.</summary>
internal static partial class BuiltInResources
{
    public static IResourceClient<V1Deployment> Deployments(IKubernetes k) =>
        new BuiltInResourceClient<V1Deployment, V1DeploymentList>(
            new ResourceType("apps", "v1", "deployments", "Deployment"),
            new(
                (ns, selector, limit, cont, ct) => ns is null
                    ? k.AppsV1.ListDeploymentForAllNamespacesWithHttpMessagesAsync(continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct)
                    : k.AppsV1.ListNamespacedDeploymentWithHttpMessagesAsync(ns, continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct),
                (ns, selector, rv, timeout, onError, ct) => ns is null
                    ? k.AppsV1.WatchListDeploymentForAllNamespacesAsync(
                        allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
                    : k.AppsV1.WatchListNamespacedDeploymentAsync(
                        ns, allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
                (ns, name, ct) => k.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: ct),
                (o, ct) => k.AppsV1.CreateNamespacedDeploymentAsync(o, o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (o, ct) => k.AppsV1.ReplaceNamespacedDeploymentAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (p, ns, name, ct) => k.AppsV1.PatchNamespacedDeploymentAsync(p, name, ns, fieldManager: FieldManager.Name, cancellationToken: ct),
                (ns, name, opts, ct) => k.AppsV1.DeleteNamespacedDeploymentAsync(name, ns, opts, cancellationToken: ct)));

    public static IResourceClient<V1StatefulSet> StatefulSets(IKubernetes k) =>
        new BuiltInResourceClient<V1StatefulSet, V1StatefulSetList>(
            new ResourceType("apps", "v1", "statefulsets", "StatefulSet"),
            new(
                (ns, selector, limit, cont, ct) => ns is null
                    ? k.AppsV1.ListStatefulSetForAllNamespacesWithHttpMessagesAsync(continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct)
                    : k.AppsV1.ListNamespacedStatefulSetWithHttpMessagesAsync(ns, continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct),
                (ns, selector, rv, timeout, onError, ct) => ns is null
                    ? k.AppsV1.WatchListStatefulSetForAllNamespacesAsync(
                        allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
                    : k.AppsV1.WatchListNamespacedStatefulSetAsync(
                        ns, allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
                (ns, name, ct) => k.AppsV1.ReadNamespacedStatefulSetAsync(name, ns, cancellationToken: ct),
                (o, ct) => k.AppsV1.CreateNamespacedStatefulSetAsync(o, o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (o, ct) => k.AppsV1.ReplaceNamespacedStatefulSetAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (p, ns, name, ct) => k.AppsV1.PatchNamespacedStatefulSetAsync(p, name, ns, fieldManager: FieldManager.Name, cancellationToken: ct),
                (ns, name, opts, ct) => k.AppsV1.DeleteNamespacedStatefulSetAsync(name, ns, opts, cancellationToken: ct)));
}
