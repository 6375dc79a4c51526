using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Clients;
using BackendStack.Operator.Runtime.Controllers;
using BackendStack.Operator.Runtime.Events;
using BackendStack.Operator.Runtime.Hosting;
using BackendStack.Operator.Runtime.Writes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.AppTiers;

/// <summary>Wires the AppTier controller: its own kind, the children it owns and the kinds its connections reference.</summary>
internal static class AppTierController
{
    public const string Name = "apptier";

    public static IServiceCollection AddAppTierController(this IServiceCollection services)
    {
        services.AddKinds((k, informers) => new AppTierResources(
            informers.Cached(new CustomResourceClient<AppTier>(k)),
            informers.Cached(new CustomResourceClient<ProxySQL>(k)),
            informers.Cached(new CustomResourceClient<PerconaCluster>(k)),
            informers.Cached(new CustomResourceClient<RedisFailover>(k)),
            informers.Cached(new CustomResourceClient<GlusterVolume>(k)),
            informers.Cached(BuiltInResources.Deployments(k)),
            informers.Cached(BuiltInResources.Services(k)),
            informers.Cached(BuiltInResources.PodDisruptionBudgets(k)),
            informers.Cached(BuiltInResources.HorizontalPodAutoscalers(k))));
        services.AddSingleton<IController>(sp =>
        {
            var kinds = sp.GetRequiredService<AppTierResources>();
            var time = sp.GetRequiredService<TimeProvider>();
            var reconciler = new AppTierReconciler(
                kinds, sp.GetRequiredService<IEventRecorder>(), time, sp.GetRequiredService<ILogger<AppTierReconciler>>(),
                new StatusSettleWindow(time));
            var tiers = kinds.Tiers.Cache;
            return sp.NewController(Name, kinds.Tiers.Informer, reconciler, wakeOnOwnWrites: false)
                .Owns(kinds.Deployments.Informer)
                .Owns(kinds.Services.Informer)
                .Owns(kinds.DisruptionBudgets.Informer)
                .Owns(kinds.Autoscalers.Informer)
                .Watches(kinds.ProxySqls.Informer, p => AppTierDependents.OfProxySql(tiers.List(p.Metadata.NamespaceProperty), p))
                .Watches(kinds.PerconaClusters.Informer, c => AppTierDependents.OfPerconaCluster(tiers.List(c.Metadata.NamespaceProperty), kinds.ProxySqls.Cache.List(c.Metadata.NamespaceProperty), c))
                .Watches(kinds.RedisFailovers.Informer, r => AppTierDependents.OfRedisFailover(tiers.List(r.Metadata.NamespaceProperty), r))
                .Watches(kinds.GlusterVolumes.Informer, g => AppTierDependents.OfGlusterVolume(tiers.List(g.Metadata.NamespaceProperty), g));
        });
        return services;
    }
}
