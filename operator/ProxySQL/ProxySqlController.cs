using BackendStack.Operator.PerconaClusters.Builders;
using BackendStack.Operator.ProxySQLs.Builders;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Clients;
using BackendStack.Operator.Runtime.Controllers;
using BackendStack.Operator.Runtime.Events;
using BackendStack.Operator.Runtime.Hosting;
using BackendStack.Operator.Runtime.Informers;
using BackendStack.Operator.Runtime.Monitoring;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.ProxySQLs;

/// <summary>Wires the ProxySQL controller: its kind, the children it owns, its pods, and the PerconaCluster (and pods) behind each ProxySQL.</summary>
internal static class ProxySqlController
{
    public const string Name = "proxysql";

    public static IServiceCollection AddProxySqlController(this IServiceCollection services)
    {
        services.AddKinds((k, informers) => new ProxySqlResources(
            informers.Cached(new CustomResourceClient<Api.ProxySQL>(k)),
            informers.Cached(new CustomResourceClient<Api.PerconaCluster>(k)),
            informers.Cached(BuiltInResources.StatefulSets(k)),
            informers.Cached(BuiltInResources.Services(k)),
            informers.Cached(BuiltInResources.ConfigMaps(k)),
            informers.Cached(BuiltInResources.Secrets(k)),
            informers.Cached(BuiltInResources.PodDisruptionBudgets(k)),
            informers.Cached(BuiltInResources.Pods(k, ProxySqlLabels.AllPodsSelector)),
            informers.Cached(BuiltInResources.Pods(k, PerconaClusterLabels.AllPodsSelector))));
        services.AddSingleton(sp => new ProxySqlMetrics(sp.GetRequiredService<ControllerRuntimeMetrics>().Registry));
        services.AddSingleton<ProxySqlSessions>();
        services.AddSingleton<IDataPlaneSessions>(sp => sp.GetRequiredService<ProxySqlSessions>());
        services.AddSingleton<IController>(sp =>
        {
            var kinds = sp.GetRequiredService<ProxySqlResources>();
            var reconciler = new ProxySqlReconciler(
                kinds, sp.GetRequiredService<ProxySqlSessions>(), sp.GetRequiredService<IEventRecorder>(), sp.GetRequiredService<ProxySqlMetrics>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ProxySqlReconciler>>());
            var proxies = kinds.Proxies.Cache;
            return sp.NewController(Name, kinds.Proxies.Informer, reconciler)
                .Owns(kinds.StatefulSets.Informer)
                .Owns(kinds.Services.Informer)
                .Owns(kinds.ConfigMaps.Informer)
                .Owns(kinds.Secrets.Informer)
                .Owns(kinds.DisruptionBudgets.Informer)
                .Watches(kinds.Pods.Informer, PodOwner)
                .Watches(kinds.Clusters.Informer, c => ProxiesOf(proxies, c.Metadata.NamespaceProperty, c.Metadata.Name))
                .Watches(kinds.ClusterPods.Informer, p => PerconaClusterLabels.InstanceOf(p) is { } cluster ? ProxiesOf(proxies, p.Metadata.NamespaceProperty, cluster) : []);
        });
        return services;
    }

    private static IEnumerable<ObjectKey> PodOwner(V1Pod pod) =>
        ProxySqlLabels.InstanceOf(pod) is { } instance ? [new ObjectKey(pod.Metadata.NamespaceProperty, instance)] : [];

    private static List<ObjectKey> ProxiesOf(ObjectCache<Api.ProxySQL> proxies, string ns, string cluster) =>
        [.. proxies.List(ns).Where(p => p.Spec.ClusterRef.Name == cluster).Select(p => new ObjectKey(ns, p.Metadata.Name))];
}
