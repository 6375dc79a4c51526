using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Informers;
using k8s.Models;

namespace BackendStack.Operator.AppTiers;

/// <summary>The kinds the AppTier controller reads and writes: the tiers, the kinds their connections reference, and the children it owns.</summary>
internal sealed record AppTierResources(
    CachedResource<AppTier> Tiers,
    CachedResource<ProxySQL> ProxySqls,
    CachedResource<PerconaCluster> PerconaClusters,
    CachedResource<RedisFailover> RedisFailovers,
    CachedResource<GlusterVolume> GlusterVolumes,
    CachedResource<V1Deployment> Deployments,
    CachedResource<V1Service> Services,
    CachedResource<V1PodDisruptionBudget> DisruptionBudgets,
    CachedResource<V2HorizontalPodAutoscaler> Autoscalers);
