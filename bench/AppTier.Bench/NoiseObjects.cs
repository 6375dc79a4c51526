using System.Globalization;
using k8s;
using k8s.Models;

namespace BackendStack.Bench;

/// <summary>
/// Other teams' objects, none of them the operator's: Secrets of the size of a Helm release Secret, ConfigMaps,
/// Deployments (0 replicas, so the emulator runs no pods for them) and Services, spread over ten namespaces.
/// </summary>
internal sealed record NoiseObjects(int Secrets, int SecretKilobytes, int ConfigMaps, int Deployments, int Services)
{
    private const int Namespaces = 10;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Secrets} Secrets of {SecretKilobytes} KiB, {ConfigMaps} ConfigMaps, {Deployments} Deployments, {Services} Services in {Namespaces} other namespaces");

    public async Task CreateAsync(Kubernetes client, CancellationToken cancellationToken)
    {
        for (var n = 0; n < Namespaces; n++)
        {
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace(n) } }, cancellationToken: cancellationToken);
        }

        var payload = new byte[SecretKilobytes * 1024];
        Random.Shared.NextBytes(payload);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, Secrets), parallel, async (i, ct) => await client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = $"sh.helm.release.v1.app-{i}.v1", Labels = new Dictionary<string, string> { ["owner"] = "helm" } },
                Type = "helm.sh/release.v1",
                Data = new Dictionary<string, byte[]> { ["release"] = payload },
            }, Namespace(i), cancellationToken: ct));
        await Parallel.ForEachAsync(Enumerable.Range(0, ConfigMaps), parallel, async (i, ct) => await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"settings-{i}" }, Data = new Dictionary<string, string> { ["app.properties"] = new('x', 1024) } },
            Namespace(i), cancellationToken: ct));
        await Parallel.ForEachAsync(Enumerable.Range(0, Deployments), parallel, async (i, ct) => await client.AppsV1.CreateNamespacedDeploymentAsync(
            new V1Deployment
            {
                Metadata = new V1ObjectMeta { Name = $"app-{i}", Labels = Labels(i) },
                Spec = new V1DeploymentSpec
                {
                    Replicas = 0,
                    Selector = new V1LabelSelector { MatchLabels = Labels(i) },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta { Labels = Labels(i) },
                        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "nginx:1.27" }] },
                    },
                },
            }, Namespace(i), cancellationToken: ct));
        await Parallel.ForEachAsync(Enumerable.Range(0, Services), parallel, async (i, ct) => await client.CoreV1.CreateNamespacedServiceAsync(
            new V1Service
            {
                Metadata = new V1ObjectMeta { Name = $"app-{i}" },
                Spec = new V1ServiceSpec { Selector = Labels(i), Ports = [new V1ServicePort { Port = 80 }] },
            }, Namespace(i), cancellationToken: ct));
    }

    private static string Namespace(int i) => string.Create(CultureInfo.InvariantCulture, $"other-team-{i % Namespaces}");

    private static Dictionary<string, string> Labels(int i) => new() { ["app"] = string.Create(CultureInfo.InvariantCulture, $"app-{i}") };
}
