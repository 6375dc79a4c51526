using k8s;
using k8s.Models;
using RedisFailoverResource = BackendStack.Operator.Api.RedisFailover;

namespace BackendStack.Bench;

/// <summary>
/// RedisFailovers that only fill the operator's caches: the emulator runs their pods as bare objects (no Redis
/// answers), so each keeps its children (StatefulSets, Services, ConfigMaps, Secret, PDBs, Pods, PVCs) in the cache.
/// </summary>
internal static class RedisFailoverBatch
{
    public const string Namespace = "bench-redis";

    public static async Task CreateAsync(Kubernetes client, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }

        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } }, cancellationToken: cancellationToken);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => await client.CustomObjects.CreateNamespacedCustomObjectAsync(
                new RedisFailoverResource { Metadata = new V1ObjectMeta { Name = $"cache-{i:D3}", NamespaceProperty = Namespace } },
                RedisFailoverResource.Group, RedisFailoverResource.Version, Namespace, RedisFailoverResource.Plural, cancellationToken: ct));

        // Until the operator made both StatefulSets of every one: their children are in its caches from then on.
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while ((await client.AppsV1.ListNamespacedStatefulSetAsync(Namespace, cancellationToken: cancellationToken)).Items.Count < 2 * count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the operator did not create the StatefulSets of {count} RedisFailovers within 5 minutes");
            }

            await Task.Delay(1000, cancellationToken);
        }
    }
}
