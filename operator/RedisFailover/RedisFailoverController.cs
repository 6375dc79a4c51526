using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.RedisFailovers.Follower;
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

namespace BackendStack.Operator.RedisFailovers;

/// <summary>Wires the RedisFailover controller: its kind, the children it owns, its pods, and the sentinel follower's wake-ups.</summary>
internal static class RedisFailoverController
{
    public const string Name = "redisfailover";

    public static IServiceCollection AddRedisFailoverController(this IServiceCollection services)
    {
        services.AddKinds((k, informers) =>
        {
            return new RedisFailoverResources(
                informers.Cached(new CustomResourceClient<Api.RedisFailover>(k)),
                informers.Cached(BuiltInResources.StatefulSets(k)),
                informers.Cached(BuiltInResources.Services(k)),
                informers.Cached(BuiltInResources.ConfigMaps(k)),
                informers.Cached(BuiltInResources.Secrets(k)),
                informers.Cached(BuiltInResources.PodDisruptionBudgets(k)),
                // Only its own Pods are read (RedisFailoverReconciler.Pods, PodOwner): the rest of the cluster's stay out of the cache.
                informers.Cached(BuiltInResources.Pods(k, RedisFailoverLabels.AllPodsSelector)),
                informers.Cached(BuiltInResources.PersistentVolumeClaims(k)));
        });
        services.AddSingleton(sp => new RedisFailoverMetrics(sp.GetRequiredService<ControllerRuntimeMetrics>().Registry));
        services.AddSingleton(sp => new RedisFailoverSessions(
            sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<RedisFailoverMetrics>()));
        services.AddSingleton<IDataPlaneSessions>(sp => sp.GetRequiredService<RedisFailoverSessions>());
        services.AddSingleton<IController>(sp =>
        {
            var kinds = sp.GetRequiredService<RedisFailoverResources>();
            var events = sp.GetRequiredService<IEventRecorder>();
            // The sentinels' announcements enqueue into the controller's queue: the reconciler is made with it.
            return sp.NewController(Name, kinds.RedisFailovers.Informer, queue => new RedisFailoverReconciler(
                    kinds, sp.GetRequiredService<RedisFailoverSessions>(), new RedisFailoverWakeups(kinds.RedisFailovers.Cache, events, queue), events,
                    sp.GetRequiredService<RedisFailoverMetrics>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedisFailoverReconciler>>()))
                .Owns(kinds.StatefulSets.Informer)
                .Owns(kinds.Services.Informer)
                .Owns(kinds.ConfigMaps.Informer)
                .Owns(kinds.Secrets.Informer)
                .Owns(kinds.DisruptionBudgets.Informer)
                .Watches(kinds.Pods.Informer, PodOwner)
                .Watches(kinds.Claims.Informer, _ => []);
        });
        return services;
    }

    /// <summary>A Redis or sentinel pod wakes the RedisFailover named in its instance label.</summary>
    private static IEnumerable<ObjectKey> PodOwner(V1Pod pod) =>
        RedisFailoverLabels.InstanceOf(pod) is { } instance
            ? [new ObjectKey(pod.Metadata.NamespaceProperty, instance)]
            : [];
}
