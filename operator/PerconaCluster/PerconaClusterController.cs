using BackendStack.Operator.PerconaClusters.Builders;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Clients;
using BackendStack.Operator.Runtime.Controllers;
using BackendStack.Operator.Runtime.Events;
using BackendStack.Operator.Runtime.Hosting;
using BackendStack.Operator.Runtime.Monitoring;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.PerconaClusters;

/// <summary>Wires the PerconaCluster controller: its kind, the children it owns and its pods.</summary>
internal static class PerconaClusterController
{
    public const string Name = "perconacluster";

    public static IServiceCollection AddPerconaClusterController(this IServiceCollection services)
    {
        services.AddKinds((k, informers) => new PerconaClusterResources(
            informers.Cached(new CustomResourceClient<Api.PerconaCluster>(k)),
            informers.Cached(BuiltInResources.StatefulSets(k)),
            informers.Cached(BuiltInResources.Services(k)),
            informers.Cached(BuiltInResources.ConfigMaps(k)),
            informers.Cached(BuiltInResources.Secrets(k)),
            informers.Cached(BuiltInResources.PodDisruptionBudgets(k)),
            // Only its own Pods are read: the rest of the cluster's stay out of the cache.
            informers.Cached(BuiltInResources.Pods(k, PerconaClusterLabels.AllPodsSelector)),
            informers.Cached(new CustomResourceClient<Api.ProxySQL>(k))));
        services.AddSingleton(sp => new GaleraMetrics(sp.GetRequiredService<ControllerRuntimeMetrics>().Registry));
        services.AddSingleton<PerconaClusterSessions>();
        services.AddSingleton<IDataPlaneSessions>(sp => sp.GetRequiredService<PerconaClusterSessions>());
        services.AddSingleton<IController>(sp =>
        {
            var kinds = sp.GetRequiredService<PerconaClusterResources>();
            var k = sp.GetRequiredService<IKubernetes>();
            var reconciler = new PerconaClusterReconciler(
                kinds, sp.GetRequiredService<PerconaClusterSessions>(), new GaleraExecutor(new PodCommand(k)), sp.GetRequiredService<IEventRecorder>(),
                sp.GetRequiredService<GaleraMetrics>(), BuiltInResources.PersistentVolumeClaims(k), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<PerconaClusterReconciler>>());
            return sp.NewController(Name, kinds.Clusters.Informer, reconciler)
                .Owns(kinds.StatefulSets.Informer)
                .Owns(kinds.Services.Informer)
                .Owns(kinds.ConfigMaps.Informer)
                .Owns(kinds.Secrets.Informer)
                .Owns(kinds.DisruptionBudgets.Informer)
                .Watches(kinds.Pods.Informer, PodOwner)
                .Watches(kinds.Proxies.Informer, ClusterOf);
        });
        return services;
    }

    /// <summary>A ProxySQL's writer moving lets a roll that waits for it go on.</summary>
    private static IEnumerable<ObjectKey> ClusterOf(Api.ProxySQL proxy) =>
        proxy.Spec.ClusterRef?.Name is { Length: > 0 } cluster ? [new ObjectKey(proxy.Metadata.NamespaceProperty, cluster)] : [];

    private static IEnumerable<ObjectKey> PodOwner(V1Pod pod) =>
        PerconaClusterLabels.InstanceOf(pod) is { } instance ? [new ObjectKey(pod.Metadata.NamespaceProperty, instance)] : [];
}
