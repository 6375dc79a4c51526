using BackendStack.PodRuntime;
using k8s;
using k8s.Models;

namespace BackendStack.Tests.Redis;

/// <summary>
/// One namespace as the API shows it at one moment, in the shape the local pod runtime reads it: the sources of
/// a container's environment and volumes, and the Pods and Services its hosts file resolves.
/// </summary>
internal sealed class PodClusterSnapshot(
    IReadOnlyList<V1Pod> pods,
    IReadOnlyList<V1Service> services,
    IReadOnlyList<V1ConfigMap> configMaps,
    IReadOnlyList<V1Secret> secrets,
    IReadOnlyList<V1PersistentVolumeClaim> claims) : IPodClusterView
{
    public static async Task<PodClusterSnapshot> LoadAsync(IKubernetes client, string ns, CancellationToken cancellationToken)
    {
        var pods = client.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: cancellationToken);
        var services = client.CoreV1.ListNamespacedServiceAsync(ns, cancellationToken: cancellationToken);
        var configMaps = client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: cancellationToken);
        var secrets = client.CoreV1.ListNamespacedSecretAsync(ns, cancellationToken: cancellationToken);
        var claims = client.CoreV1.ListNamespacedPersistentVolumeClaimAsync(ns, cancellationToken: cancellationToken);
        return new PodClusterSnapshot([.. (await pods).Items], [.. (await services).Items], [.. (await configMaps).Items], [.. (await secrets).Items], [.. (await claims).Items]);
    }

    public V1ConfigMap? GetConfigMap(string namespaceName, string name) => configMaps.FirstOrDefault(c => c.Metadata.Name == name);

    public V1Secret? GetSecret(string namespaceName, string name) => secrets.FirstOrDefault(s => s.Metadata.Name == name);

    public V1PersistentVolumeClaim? GetPersistentVolumeClaim(string namespaceName, string name) => claims.FirstOrDefault(c => c.Metadata.Name == name);

    public IReadOnlyList<V1Pod> ListPods() => pods;

    public IReadOnlyList<V1Service> ListServices() => services;
}
