using BackendStack.Operator.Api;
using BackendStack.Tests.Controllers;
using k8s;

namespace BackendStack.Tests.Redis;

[Collection(EmulatedRedisPodsGroup.Name)]
public sealed class RedisFailoverDeletionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(DeletePolicy.Retain, 3)]
    [InlineData(DeletePolicy.Delete, 0)]
    public async Task DeletingTheResourceKeepsItsClaimsUnlessTheSpecSaysDelete(DeletePolicy policy, int claimsLeft)
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        await using var op = await cluster.StartOperatorAsync();
        await RedisFailoverLifecycleTests.CreateAsync(cluster, "data", s => s.Redis.Storage = new StorageSpec { Size = "1Gi", DeletePolicy = policy });
        await Eventually.TrueAsync(async () => (await ClaimsAsync(cluster)).Count == 3, "a claim per Redis pod", Timeout);

        await cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(RedisFailover.Group, RedisFailover.Version, ClusterUnderTest.Namespace, RedisFailover.Plural, "data");
        await Eventually.TrueAsync(
            async () => (await cluster.Client.AppsV1.ListNamespacedStatefulSetAsync(ClusterUnderTest.Namespace)).Items.Count == 0
                && (await cluster.Client.CustomObjects.ListNamespacedCustomObjectAsync<BackendStack.Operator.Runtime.Clients.CustomResourceList<RedisFailover>>(RedisFailover.Group, RedisFailover.Version, ClusterUnderTest.Namespace, RedisFailover.Plural)).Items.Count == 0,
            "the resource and its StatefulSets to be gone", Timeout);

        await Eventually.TrueAsync(async () => (await ClaimsAsync(cluster)).Count == claimsLeft, $"{claimsLeft} claims left", Timeout);
    }

    private static async Task<IReadOnlyList<string>> ClaimsAsync(ClusterUnderTest cluster) =>
        [.. (await cluster.Client.CoreV1.ListNamespacedPersistentVolumeClaimAsync(ClusterUnderTest.Namespace)).Items.Select(c => c.Metadata.Name).Where(n => n.StartsWith("data-data-redis-", StringComparison.Ordinal))];
}
