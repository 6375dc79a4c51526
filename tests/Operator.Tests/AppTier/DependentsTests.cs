using BackendStack.Operator.Api;
using BackendStack.Operator.AppTiers;
using k8s.Models;

namespace BackendStack.Tests.AppTiers;

public sealed class DependentsTests
{
    [Fact]
    public void AClusterChangeWakesTheTiersBehindItsProxySqlsOnly()
    {
        var cluster = new PerconaCluster { Metadata = new V1ObjectMeta { Name = "db", NamespaceProperty = "shop" } };
        var proxies = new[] { Proxy("proxy", "db"), Proxy("other-proxy", "other-db") };
        var tiers = new[] { Tier("app", "proxy"), Tier("reports", "other-proxy"), Tier("web", null) };

        var woken = AppTierDependents.OfPerconaCluster(tiers, proxies, cluster).Select(k => k.Name).ToList();

        Assert.Equal(["app"], woken);
    }

    private static ProxySQL Proxy(string name, string cluster) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "shop" },
        Spec = new ProxySQLSpec { ClusterRef = new LocalObjectReference { Name = cluster } },
    };

    private static AppTier Tier(string name, string? proxy)
    {
        var tier = Tiers.Web();
        tier.Metadata.Name = name;
        tier.Metadata.NamespaceProperty = "shop";
        if (proxy is not null)
        {
            tier.Spec.Connections = new ConnectionsSpec { Database = new DatabaseConnectionSpec { ProxySQLRef = new LocalObjectReference { Name = proxy } } };
        }

        return tier;
    }
}
