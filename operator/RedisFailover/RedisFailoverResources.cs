using BackendStack.Operator.Runtime.Informers;
using k8s.Models;

namespace BackendStack.Operator.RedisFailovers;

/// <summary>The kinds the RedisFailover controller reads and writes.</summary>
internal sealed record RedisFailoverResources(
    CachedResource<Api.RedisFailover> RedisFailovers,
    CachedResource<V1StatefulSet> StatefulSets,
    CachedResource<V1Service> Services,
    CachedResource<V1ConfigMap> ConfigMaps,
    CachedResource<V1Secret> Secrets,
    CachedResource<V1PodDisruptionBudget> DisruptionBudgets,
    CachedResource<V1Pod> Pods,
    CachedResource<V1PersistentVolumeClaim> Claims);
