using BackendStack.Operator.Runtime.Informers;
using k8s.Models;

namespace BackendStack.Operator.ProxySQLs;

/// <summary>The kinds the ProxySQL controller reads and writes: its own children and pods, and the PerconaCluster behind it with its pods.</summary>
internal sealed record ProxySqlResources(
    CachedResource<Api.ProxySQL> Proxies,
    CachedResource<Api.PerconaCluster> Clusters,
    CachedResource<V1StatefulSet> StatefulSets,
    CachedResource<V1Service> Services,
    CachedResource<V1ConfigMap> ConfigMaps,
    CachedResource<V1Secret> Secrets,
    CachedResource<V1PodDisruptionBudget> DisruptionBudgets,
    CachedResource<V1Pod> Pods,
    CachedResource<V1Pod> ClusterPods);
