using System.Diagnostics;
using BackendStack.Emulator;
using BackendStack.Operator.Api;
using k8s;
using k8s.Models;

namespace BackendStack.Bench;

/// <summary>
/// The baseline of the size benchmark: a fresh emulator makes the same objects without the operator. The benchmark
/// itself writes N worker AppTiers, their Deployment (1 replica) and PodDisruptionBudget, and one status per tier,
/// 8 requests at once as the operator's run does, and waits until every Deployment's pod is Ready. What the operator
/// adds to this is its own work.
/// </summary>
internal static class EmulatorAlone
{
    private const string Namespace = "bench";

    public static async Task<TimeSpan> RunAsync(int count, CancellationToken cancellationToken)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), cancellationToken);
        using var client = new Kubernetes(emulator.CreateClientConfiguration());
        await Cluster.PrepareAsync(client, Namespace, cancellationToken);
        var clock = Stopwatch.StartNew();
        await TierBatch.CreateAsync(client, Namespace, count, AppTierRole.Worker, cancellationToken);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var name = $"tier-{i:D4}";
            var labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "apptier", ["app.kubernetes.io/instance"] = name };
            await client.AppsV1.CreateNamespacedDeploymentAsync(
                new V1Deployment
                {
                    Metadata = new V1ObjectMeta { Name = name, Labels = labels },
                    Spec = new V1DeploymentSpec
                    {
                        Replicas = 1,
                        Selector = new V1LabelSelector { MatchLabels = labels },
                        Template = new V1PodTemplateSpec
                        {
                            Metadata = new V1ObjectMeta { Labels = labels },
                            Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "nginx:1.27" }] },
                        },
                    },
                }, Namespace, cancellationToken: ct);
            await client.PolicyV1.CreateNamespacedPodDisruptionBudgetAsync(
                new V1PodDisruptionBudget
                {
                    Metadata = new V1ObjectMeta { Name = name, Labels = labels },
                    Spec = new V1PodDisruptionBudgetSpec { MaxUnavailable = 1, Selector = new V1LabelSelector { MatchLabels = labels } },
                }, Namespace, cancellationToken: ct);
            await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
                new V1Patch(new { status = new { observedGeneration = 1, phase = "Provisioning" } }, V1Patch.PatchType.MergePatch),
                AppTier.Group, AppTier.Version, Namespace, AppTier.Plural, name, cancellationToken: ct);
        });

        var deadline = TimeSpan.FromMinutes(10);
        while (clock.Elapsed < deadline)
        {
            var ready = await ReadyDeploymentsAsync(client, cancellationToken);
            Console.Error.WriteLine($"  emulator alone {clock.Elapsed.TotalSeconds,6:F1} s: {ready}/{count} Deployments ready");
            if (ready == count)
            {
                return clock.Elapsed;
            }

            await Task.Delay(1000, cancellationToken);
        }

        throw new TimeoutException($"the emulator alone did not get {count} Deployments ready in {deadline.TotalMinutes:F0} minutes");
    }

    private static async Task<int> ReadyDeploymentsAsync(Kubernetes client, CancellationToken cancellationToken)
    {
        var ready = 0;
        string? continueToken = null;
        do
        {
            var page = await client.AppsV1.ListNamespacedDeploymentAsync(Namespace, continueParameter: continueToken, limit: 500, cancellationToken: cancellationToken);
            ready += page.Items.Count(d => d.Status?.ReadyReplicas == 1);
            continueToken = page.Metadata.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(continueToken));

        return ready;
    }
}
