using BackendStack.Operator.Runtime.Informers;
using k8s.Models;

namespace BackendStack.Operator.GlusterVolumes;

/// <summary>The kinds the GlusterVolume controller reads and writes.</summary>
internal sealed record GlusterVolumeResources(
    CachedResource<Api.GlusterVolume> Volumes,
    CachedResource<V1StatefulSet> StatefulSets,
    CachedResource<V1Service> Services,
    CachedResource<V1PodDisruptionBudget> DisruptionBudgets,
    CachedResource<V1Pod> Pods);
