using BackendStack.Operator.GlusterVolumes.Builders;
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

namespace BackendStack.Operator.GlusterVolumes;

/// <summary>Wires the GlusterVolume controller: its kind, the children it owns and its pods.</summary>
internal static class GlusterVolumeController
{
    public const string Name = "glustervolume";

    public static IServiceCollection AddGlusterVolumeController(this IServiceCollection services)
    {
        services.AddKinds((k, informers) => new GlusterVolumeResources(
            informers.Cached(new CustomResourceClient<Api.GlusterVolume>(k)),
            informers.Cached(BuiltInResources.StatefulSets(k)),
            informers.Cached(BuiltInResources.Services(k)),
            informers.Cached(BuiltInResources.PodDisruptionBudgets(k)),
            // Only its own Pods are read: the rest of the cluster's stay out of the cache.
            informers.Cached(BuiltInResources.Pods(k, GlusterVolumeLabels.AllPodsSelector))));
        services.AddSingleton(sp => new GlusterMetrics(sp.GetRequiredService<ControllerRuntimeMetrics>().Registry));
        services.AddSingleton<GlusterVolumeSessions>();
        services.AddSingleton<IDataPlaneSessions>(sp => sp.GetRequiredService<GlusterVolumeSessions>());
        services.AddSingleton<IController>(sp =>
        {
            var kinds = sp.GetRequiredService<GlusterVolumeResources>();
            var k = sp.GetRequiredService<IKubernetes>();
            var reconciler = new GlusterVolumeReconciler(
                kinds, sp.GetRequiredService<GlusterVolumeSessions>(), new GlusterExecutor(new PodCommand(k)), sp.GetRequiredService<IEventRecorder>(),
                sp.GetRequiredService<GlusterMetrics>(), BuiltInResources.PersistentVolumeClaims(k), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<GlusterVolumeReconciler>>());
            return sp.NewController(Name, kinds.Volumes.Informer, reconciler)
                .Owns(kinds.StatefulSets.Informer)
                .Owns(kinds.Services.Informer)
                .Owns(kinds.DisruptionBudgets.Informer)
                .Watches(kinds.Pods.Informer, PodOwner);
        });
        return services;
    }

    private static IEnumerable<ObjectKey> PodOwner(V1Pod pod) =>
        GlusterVolumeLabels.InstanceOf(pod) is { } instance ? [new ObjectKey(pod.Metadata.NamespaceProperty, instance)] : [];
}
