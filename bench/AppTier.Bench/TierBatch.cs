using BackendStack.Operator.Api;
using k8s;
using k8s.Models;

namespace BackendStack.Bench;

/// <summary>Batches of AppTiers as the benchmark creates them, and the warm-up batch that precedes a measured run.</summary>
internal static class TierBatch
{
    private const string WarmUpNamespace = "warm-up";

    public static async Task CreateAsync(Kubernetes client, string ns, int count, AppTierRole role, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => await client.CustomObjects.CreateNamespacedCustomObjectAsync(
                Tier(ns, $"tier-{i:D4}", role), AppTier.Group, AppTier.Version, ns, AppTier.Plural, cancellationToken: ct));

    /// <summary>
    /// Creates <paramref name="count"/> tiers in their own namespace, waits until they are Ready, deletes them and waits
    /// until their Pods are gone: the operator's and the emulator's code paths are compiled and optimized before the
    /// measured run, and nothing of the warm-up is left to work on during it.
    /// </summary>
    public static async Task WarmUpAsync(Kubernetes client, int count, AppTierRole role, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }

        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = WarmUpNamespace } }, cancellationToken: cancellationToken);
        await CreateAsync(client, WarmUpNamespace, count, role, cancellationToken);
        await UntilAsync(async () => (await Cluster.ListTiersAsync(client, WarmUpNamespace, cancellationToken)).Count(t => t.Status?.Phase == Phase.Ready) == count, cancellationToken);
        await client.CustomObjects.DeleteCollectionNamespacedCustomObjectAsync(AppTier.Group, AppTier.Version, WarmUpNamespace, AppTier.Plural, cancellationToken: cancellationToken);
        await UntilAsync(async () => (await client.CoreV1.ListNamespacedPodAsync(WarmUpNamespace, cancellationToken: cancellationToken)).Items.Count == 0, cancellationToken);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the warm-up batch did not settle within 5 minutes");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private static AppTier Tier(string ns, string name, AppTierRole role) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new AppTierSpec
        {
            Role = role,
            Image = "nginx:1.27",
            Port = role == AppTierRole.Worker ? null : 8080,
            Replicas = 1,
            HealthCheck = new HealthCheckSpec { Path = "/healthz", Port = 8080 },
        },
    };
}
