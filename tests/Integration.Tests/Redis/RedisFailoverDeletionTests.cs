using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Clients;
using BackendStack.Tests.Controllers;
using k8s;
using k8s.Models;

namespace BackendStack.Tests.Redis;

[Collection(EmulatedRedisPodsGroup.Name)]
public sealed class RedisFailoverDeletionTests
{
    private const string Name = "data";
    private const string Finalizer = "backendstack.io/cleanup";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>How long retained claims must stay after everything the resource owned is gone.</summary>
    private static readonly TimeSpan Kept = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task DeletingTheResourceKeepsItsClaimsByDefault()
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        await using var op = await cluster.StartOperatorAsync();
        var (claims, owned) = await CreateWithClaimsAsync(cluster, DeletePolicy.Retain);
        // Nothing could take them later: no finalizer runs a cleanup, and no owner reference lets the garbage collector.
        Assert.DoesNotContain(Finalizer, (await RedisFailoverLifecycleTests.GetAsync(cluster, Name)).Metadata.Finalizers ?? []);
        Assert.All(await ClaimsAsync(cluster), c => Assert.Empty(c.Metadata.OwnerReferences ?? []));

        await DeleteAndWaitForItsChildrenToGoAsync(cluster, owned);

        // Everything the resource owned has been collected; the claims are the same objects, and stay.
        var deadline = DateTime.UtcNow + Kept;
        do
        {
            Assert.Equal(claims, Uids(await ClaimsAsync(cluster)));
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        while (DateTime.UtcNow < deadline);
    }

    [Fact]
    public async Task DeletingTheResourceWithDeletePolicyDeleteDeletesItsClaimsBeforeItGoes()
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        await using var op = await cluster.StartOperatorAsync();
        var (_, owned) = await CreateWithClaimsAsync(cluster, DeletePolicy.Delete);
        await Eventually.TrueAsync(
            async () => (await RedisFailoverLifecycleTests.GetAsync(cluster, Name)).Metadata.Finalizers?.Contains(Finalizer) == true,
            "the cleanup finalizer", Timeout);

        // A StatefulSet recreates the claim of every pod it starts, so the claims may go only once the Redis
        // StatefulSet is gone: watch for a claim that is gone or going while the StatefulSet is still there.
        using var watching = new CancellationTokenSource();
        var claimsGoneBeforeStatefulSet = WatchForClaimsGoneBeforeTheStatefulSetAsync(cluster, watching.Token);
        await DeleteAndWaitForItsChildrenToGoAsync(cluster, owned);
        await watching.CancelAsync();
        Assert.Null(await claimsGoneBeforeStatefulSet);

        // The finalizer held the resource until its claims were deleted: none is left that is not on its way out.
        Assert.All(await ClaimsAsync(cluster), c => Assert.NotNull(c.Metadata.DeletionTimestamp));
        await Eventually.TrueAsync(async () => (await ClaimsAsync(cluster)).Count == 0, "no claims left", Timeout);
    }

    /// <summary>Creates the resource with storage; returns its claims' uids and the uids of what it owns, once there are 3 claims.</summary>
    private static async Task<(IReadOnlyList<string> Claims, IReadOnlyList<string> Owned)> CreateWithClaimsAsync(ClusterUnderTest cluster, DeletePolicy policy)
    {
        await RedisFailoverLifecycleTests.CreateAsync(cluster, Name, s => s.Redis.Storage = new StorageSpec { Size = "1Gi", DeletePolicy = policy });
        await Eventually.TrueAsync(async () => (await ClaimsAsync(cluster)).Count == 3, "a claim per Redis pod", Timeout);
        await Eventually.TrueAsync(async () => (await OwnedAsync(cluster)).Count(o => o.Kind == "StatefulSet") == 2, "both StatefulSets", Timeout);
        return (Uids(await ClaimsAsync(cluster)), [.. (await OwnedAsync(cluster)).Select(o => o.Uid)]);
    }

    /// <summary>Deletes the resource and waits until it is gone, with every object it owned and the Pods of its StatefulSets.</summary>
    private static async Task DeleteAndWaitForItsChildrenToGoAsync(ClusterUnderTest cluster, IReadOnlyList<string> owned)
    {
        var uid = (await RedisFailoverLifecycleTests.GetAsync(cluster, Name)).Metadata.Uid;
        await cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(RedisFailover.Group, RedisFailover.Version, ClusterUnderTest.Namespace, RedisFailover.Plural, Name);
        await Eventually.TrueAsync(
            async () => (await cluster.Client.CustomObjects.ListNamespacedCustomObjectAsync<CustomResourceList<RedisFailover>>(
                    RedisFailover.Group, RedisFailover.Version, ClusterUnderTest.Namespace, RedisFailover.Plural)).Items.Count == 0,
            "the resource to be gone", Timeout);
        await Eventually.TrueAsync(
            async () => (await OwnedAsync(cluster)).Count == 0 && !await AnyOwnedByAsync(cluster, [uid, .. owned]),
            "everything it owned, and their Pods, to be collected", Timeout);
    }

    /// <summary>
    /// Until cancelled, reads the claims and then the Redis StatefulSet: a claim missing or being deleted at the first
    /// read while the StatefulSet still exists at the second (a StatefulSet, once gone, never comes back) was deleted
    /// while the StatefulSet lived. Returns what was seen then, or null.
    /// </summary>
    private static async Task<string?> WatchForClaimsGoneBeforeTheStatefulSetAsync(ClusterUnderTest cluster, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var live = (await ClaimsAsync(cluster)).Where(c => c.Metadata.DeletionTimestamp is null).ToList();
            if (live.Count < 3 && (await cluster.Client.AppsV1.ListNamespacedStatefulSetAsync(ClusterUnderTest.Namespace, cancellationToken: CancellationToken.None)).Items.Any(s => s.Metadata.Name == $"{Name}-redis"))
            {
                return $"only {live.Count} of 3 claims left while the StatefulSet {Name}-redis still existed";
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>Objects of every kind the resource creates whose owner is the resource, as (kind, uid).</summary>
    private static async Task<IReadOnlyList<(string Kind, string Uid)>> OwnedAsync(ClusterUnderTest cluster)
    {
        var ns = ClusterUnderTest.Namespace;
        var c = cluster.Client;
        (string Kind, IEnumerable<V1ObjectMeta> Objects)[] lists =
        [
            ("StatefulSet", (await c.AppsV1.ListNamespacedStatefulSetAsync(ns)).Items.Select(o => o.Metadata)),
            ("Service", (await c.CoreV1.ListNamespacedServiceAsync(ns)).Items.Select(o => o.Metadata)),
            ("ConfigMap", (await c.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.Select(o => o.Metadata)),
            ("Secret", (await c.CoreV1.ListNamespacedSecretAsync(ns)).Items.Select(o => o.Metadata)),
            ("PodDisruptionBudget", (await c.PolicyV1.ListNamespacedPodDisruptionBudgetAsync(ns)).Items.Select(o => o.Metadata)),
        ];
        return [.. lists.SelectMany(l => l.Objects
            .Where(m => (m.OwnerReferences ?? []).Any(r => r.Kind == RedisFailover.KindName && r.Name == Name))
            .Select(m => (l.Kind, m.Uid)))];
    }

    private static async Task<bool> AnyOwnedByAsync(ClusterUnderTest cluster, IReadOnlyList<string> owners) =>
        (await cluster.Client.CoreV1.ListNamespacedPodAsync(ClusterUnderTest.Namespace)).Items
            .Any(p => (p.Metadata.OwnerReferences ?? []).Any(r => owners.Contains(r.Uid)));

    private static async Task<IReadOnlyList<V1PersistentVolumeClaim>> ClaimsAsync(ClusterUnderTest cluster) =>
        [.. (await cluster.Client.CoreV1.ListNamespacedPersistentVolumeClaimAsync(ClusterUnderTest.Namespace)).Items
            .Where(c => c.Metadata.Name.StartsWith($"data-{Name}-redis-", StringComparison.Ordinal))];

    private static IReadOnlyList<string> Uids(IEnumerable<V1PersistentVolumeClaim> claims) => [.. claims.Select(c => c.Metadata.Uid).Order(StringComparer.Ordinal)];
}
