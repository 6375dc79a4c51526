using BackendStack.Emulator;
using BackendStack.Operator.AppTiers;
using BackendStack.Operator.Api;
using BackendStack.Operator.RedisFailovers;
using BackendStack.Operator.Runtime.Informers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace BackendStack.Tests.Controllers;

/// <summary>
/// What the operator caches in a cluster full of other teams' objects: of the kinds it creates only its own children
/// (every list and watch carries the managed-by selector, as the emulator's request log shows), of its own kinds
/// everything, and never kubectl's last-applied-configuration.
/// </summary>
public sealed class CacheSelectionTests
{
    private const string ManagedBy = "app.kubernetes.io/managed-by=backendstack-operator";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);
    private static readonly string?[] Watched = ["team-a", "team-b"];

    /// <summary>Every kind the operator creates (or whose objects its children make: Pods, PVCs) and so caches by selector.</summary>
    private static readonly string[] ChildResources =
        ["deployments", "services", "poddisruptionbudgets", "horizontalpodautoscalers", "statefulsets", "configmaps", "secrets", "pods", "persistentvolumeclaims"];

    [Fact]
    public async Task UnrelatedSecretsAndConfigMapsNeverEnterTheCache()
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "other-team" } });
        foreach (var ns in new[] { ClusterUnderTest.Namespace, "other-team" })
        {
            for (var i = 0; i < 5; i++)
            {
                await cluster.Client.CoreV1.CreateNamespacedSecretAsync(
                    new V1Secret { Metadata = new V1ObjectMeta { Name = $"tls-{i}" }, StringData = new Dictionary<string, string> { ["tls.key"] = "not ours" } }, ns);
                await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
                    new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"settings-{i}" }, Data = new Dictionary<string, string> { ["a"] = "b" } }, ns);
            }
        }

        await using var op = await cluster.StartOperatorAsync();
        await Poll.UntilAsync(() => op.Manager.CachesSynced, Timeout, "the caches to sync");
        await cluster.CreateAsync(TestTiers.Web("web"));
        await Poll.UntilAsync(async () => (await cluster.GetTierAsync("web")).Status?.ObservedGeneration == 1, Timeout, "the tier's status");

        var redis = op.Services.GetRequiredService<RedisFailoverResources>();
        var tiers = op.Services.GetRequiredService<AppTierResources>();
        Assert.Equal(0, redis.Secrets.Cache.Count);
        Assert.Equal(0, redis.ConfigMaps.Cache.Count);

        // The operator's own children do enter it: the selector selects, it does not just filter everything out.
        Assert.NotNull(tiers.Deployments.Get(ClusterUnderTest.Namespace, "web"));
        Assert.NotNull(tiers.Services.Get(ClusterUnderTest.Namespace, "web"));
        Assert.Equal(1, tiers.Tiers.Cache.Count);

        foreach (var resource in ChildResources)
        {
            var reads = cluster.Emulator.Requests.CollectionReads(resource);
            Assert.Contains(reads, r => r.Verb == "list");
            Assert.Contains(reads, r => r.Verb == "watch");
            Assert.All(reads, r => Assert.Contains(ManagedBy, r.LabelSelector ?? "", StringComparison.Ordinal));
        }

        // Users create the operator's own kinds: those are listed and watched whole.
        foreach (var resource in new[] { "apptiers", "redisfailovers" })
        {
            var reads = cluster.Emulator.Requests.CollectionReads(resource);
            Assert.NotEmpty(reads);
            Assert.All(reads, r => Assert.Null(r.LabelSelector));
        }
    }

    [Fact]
    public async Task ClaimsMadeFromAStatefulSetsTemplateCarryTheLabelAndAreCached()
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        await using var op = await cluster.StartOperatorAsync();
        var rf = new RedisFailover { Metadata = new V1ObjectMeta { Name = "data", NamespaceProperty = ClusterUnderTest.Namespace } };
        rf.Spec.Redis.Storage = new StorageSpec { Size = "1Gi" };
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(rf, RedisFailover.Group, RedisFailover.Version, ClusterUnderTest.Namespace, RedisFailover.Plural);

        // The emulator's StatefulSet controller labels a claim from its template, as kube's does; the operator, which
        // caches claims by the managed-by label, sees the claims of its own StatefulSets.
        var claims = op.Services.GetRequiredService<RedisFailoverResources>().Claims;
        await Poll.UntilAsync(() => claims.Get(ClusterUnderTest.Namespace, "data-data-redis-0") is not null, Timeout, "the first claim in the operator's cache");
        var stored = await cluster.Client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("data-data-redis-0", ClusterUnderTest.Namespace);
        Assert.Equal("backendstack-operator", stored.Metadata.Labels["app.kubernetes.io/managed-by"]);
        Assert.Equal("redis", stored.Metadata.Labels["app.kubernetes.io/component"]);
    }

    [Fact]
    public async Task LastAppliedConfigurationIsDroppedFromTheCacheAndKeptOnTheServer()
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        await using var op = await cluster.StartOperatorAsync(appTierOnly: true);
        var tier = TestTiers.Worker("jobs");
        var lastApplied = new string('x', 64 * 1024);
        tier.Metadata.Annotations = new Dictionary<string, string> { [UnreadMetadata.LastAppliedConfiguration] = lastApplied, ["team"] = "shop" };
        await cluster.CreateAsync(tier);
        await Poll.UntilAsync(async () => (await cluster.GetTierAsync("jobs")).Status?.ObservedGeneration == 1, Timeout, "the tier's status");

        var cached = op.Services.GetRequiredService<AppTierResources>().Tiers.Get(ClusterUnderTest.Namespace, "jobs");
        Assert.NotNull(cached);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "shop" }, cached.Metadata.Annotations);
        Assert.Null(cached.Metadata.ManagedFields);

        var stored = await cluster.GetTierAsync("jobs");
        Assert.Equal(lastApplied, stored.Metadata.Annotations[UnreadMetadata.LastAppliedConfiguration]);
    }

    [Fact]
    public async Task AnOperatorRestrictedToTwoNamespacesIgnoresAThird()
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        string[] namespaces = ["team-a", "team-b", "team-c"];
        foreach (var ns in namespaces)
        {
            await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        }

        await using var op = await cluster.StartOperatorAsync(o => o with { Informers = new InformerOptions { Namespaces = ["team-a", "team-b"] } });
        await Poll.UntilAsync(() => op.Manager.CachesSynced, Timeout, "the caches to sync");
        foreach (var ns in namespaces)
        {
            var tier = TestTiers.Worker("jobs");
            tier.Metadata.NamespaceProperty = ns;
            await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(tier, AppTier.Group, AppTier.Version, ns, AppTier.Plural);
        }

        foreach (var ns in Watched.OfType<string>())
        {
            await Poll.UntilAsync(async () => (await TierAsync(cluster.Client, ns)).Status?.ObservedGeneration == 1, Timeout, $"the status of the tier in {ns}");
            Assert.NotNull(await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("jobs", ns));
        }

        // Every list and watch names one of the two namespaces: nothing could ever bring team-c's tier in.
        var reads = cluster.Emulator.Requests.CollectionReads();
        Assert.Contains(reads, r => r.Namespace == "team-a" && r.Resource == "apptiers");
        Assert.Contains(reads, r => r.Namespace == "team-b" && r.Resource == "apptiers");
        Assert.All(reads, r => Assert.Contains(r.Namespace, Watched));
        Assert.Null((await TierAsync(cluster.Client, "team-c")).Status?.ObservedGeneration);
        Assert.Empty((await cluster.Client.AppsV1.ListNamespacedDeploymentAsync("team-c")).Items);
    }

    private static Task<AppTier> TierAsync(Kubernetes client, string ns) =>
        client.CustomObjects.GetNamespacedCustomObjectAsync<AppTier>(AppTier.Group, AppTier.Version, ns, AppTier.Plural, "jobs");
}
