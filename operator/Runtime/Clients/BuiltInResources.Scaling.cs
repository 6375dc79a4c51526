using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Clients;

internal static partial class BuiltInResources
{
    public static IResourceClient<V1PodDisruptionBudget> PodDisruptionBudgets(IKubernetes k) =>
        new BuiltInResourceClient<V1PodDisruptionBudget, V1PodDisruptionBudgetList>(
            new ResourceType("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget"),
            new(
                (ns, selector, limit, cont, ct) => ns is null
                    ? k.PolicyV1.ListPodDisruptionBudgetForAllNamespacesWithHttpMessagesAsync(continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct)
                    : k.PolicyV1.ListNamespacedPodDisruptionBudgetWithHttpMessagesAsync(ns, continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct),
                (ns, selector, rv, timeout, onError, ct) => ns is null
                    ? k.PolicyV1.WatchListPodDisruptionBudgetForAllNamespacesAsync(
                        allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
                    : k.PolicyV1.WatchListNamespacedPodDisruptionBudgetAsync(
                        ns, allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
                (ns, name, ct) => k.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync(name, ns, cancellationToken: ct),
                (o, ct) => k.PolicyV1.CreateNamespacedPodDisruptionBudgetAsync(o, o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (o, ct) => k.PolicyV1.ReplaceNamespacedPodDisruptionBudgetAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (p, ns, name, ct) => k.PolicyV1.PatchNamespacedPodDisruptionBudgetAsync(p, name, ns, fieldManager: FieldManager.Name, cancellationToken: ct),
                (ns, name, opts, ct) => k.PolicyV1.DeleteNamespacedPodDisruptionBudgetAsync(name, ns, opts, cancellationToken: ct)));

    public static IResourceClient<V2HorizontalPodAutoscaler> HorizontalPodAutoscalers(IKubernetes k) =>
        new BuiltInResourceClient<V2HorizontalPodAutoscaler, V2HorizontalPodAutoscalerList>(
            new ResourceType("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler"),
            new(
                (ns, selector, limit, cont, ct) => ns is null
                    ? k.AutoscalingV2.ListHorizontalPodAutoscalerForAllNamespacesWithHttpMessagesAsync(continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct)
                    : k.AutoscalingV2.ListNamespacedHorizontalPodAutoscalerWithHttpMessagesAsync(ns, continueParameter: cont, labelSelector: selector, limit: limit, cancellationToken: ct),
                (ns, selector, rv, timeout, onError, ct) => ns is null
                    ? k.AutoscalingV2.WatchListHorizontalPodAutoscalerForAllNamespacesAsync(
                        allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
                    : k.AutoscalingV2.WatchListNamespacedHorizontalPodAutoscalerAsync(
                        ns, allowWatchBookmarks: true, labelSelector: selector, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
                (ns, name, ct) => k.AutoscalingV2.ReadNamespacedHorizontalPodAutoscalerAsync(name, ns, cancellationToken: ct),
                (o, ct) => k.AutoscalingV2.CreateNamespacedHorizontalPodAutoscalerAsync(o, o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (o, ct) => k.AutoscalingV2.ReplaceNamespacedHorizontalPodAutoscalerAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager.Name, cancellationToken: ct),
                (p, ns, name, ct) => k.AutoscalingV2.PatchNamespacedHorizontalPodAutoscalerAsync(p, name, ns, fieldManager: FieldManager.Name, cancellationToken: ct),
                (ns, name, opts, ct) => k.AutoscalingV2.DeleteNamespacedHorizontalPodAutoscalerAsync(name, ns, opts, cancellationToken: ct)));
}
