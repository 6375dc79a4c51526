using BackendStack.Operator.Runtime.Informers;
using k8s.Models;

namespace BackendStack.Operator.PerconaClusters;

/// <summary>The kinds the PerconaCluster controller reads and writes, and the ProxySQLs in front of its clusters (whose writer a roll moves away).</summary>
internal sealed record PerconaClusterResources(
    CachedResource<Api.PerconaCluster> Clusters,
    CachedResource<V1StatefulSet> StatefulSets,
    CachedResource<V1Service> Services,
    CachedResource<V1ConfigMap> ConfigMaps,
    CachedResource<V1Secret> Secrets,
    CachedResource<V1PodDisruptionBudget> DisruptionBudgets,
    CachedResource<V1Pod> Pods,
    CachedResource<Api.ProxySQL> Proxies);
