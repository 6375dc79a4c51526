using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime;

namespace BackendStack.Operator.AppTiers;

/// <summary>Which tiers reference an object, so a tier waiting on a dependency is reconciled when it appears or changes.</summary>
internal static class AppTierDependents
{
    public static IEnumerable<ObjectKey> OfProxySql(IEnumerable<AppTier> tiers, ProxySQL proxy) =>
        Referencing(tiers, proxy.Metadata.NamespaceProperty, t => t.Spec.Connections?.Database?.ProxySQLRef.Name == proxy.Metadata.Name);

    /// <summary>Tiers behind a ProxySQL of the cluster: a change of its users changes what they are given.</summary>
    public static IEnumerable<ObjectKey> OfPerconaCluster(IEnumerable<AppTier> tiers, IEnumerable<ProxySQL> proxies, PerconaCluster cluster)
    {
        var ns = cluster.Metadata.NamespaceProperty;
        var fronting = proxies.Where(p => p.Metadata.NamespaceProperty == ns && p.Spec.ClusterRef.Name == cluster.Metadata.Name)
            .Select(p => p.Metadata.Name).ToHashSet();
        return Referencing(tiers, ns, t => t.Spec.Connections?.Database?.ProxySQLRef.Name is { } proxy && fronting.Contains(proxy));
    }

    public static IEnumerable<ObjectKey> OfRedisFailover(IEnumerable<AppTier> tiers, RedisFailover redis) =>
        Referencing(tiers, redis.Metadata.NamespaceProperty, t =>
            t.Spec.Connections?.Redis?.RedisRef.Name == redis.Metadata.Name
            || t.Spec.Autoscaling?.Queue?.RedisRef?.Name == redis.Metadata.Name);

    public static IEnumerable<ObjectKey> OfGlusterVolume(IEnumerable<AppTier> tiers, GlusterVolume volume) =>
        Referencing(tiers, volume.Metadata.NamespaceProperty, t =>
            t.Spec.Connections?.Volumes?.Any(v => v.GlusterVolumeRef.Name == volume.Metadata.Name) == true);

    private static List<ObjectKey> Referencing(IEnumerable<AppTier> tiers, string @namespace, Func<AppTier, bool> references) =>
        tiers.Where(t => t.Metadata.NamespaceProperty == @namespace && references(t)).Select(ObjectKey.Of).ToList();
}
