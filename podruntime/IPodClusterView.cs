using k8s.Models;

namespace BackendStack.PodRuntime;

/// <summary>
/// What the runtime reads from the API: the sources of volumes and environment, and the Pods and
/// Services that /etc/hosts resolves. Implementations answer from memory (a store or a cache).
/// </summary>
public interface IPodClusterView
{
    V1ConfigMap? GetConfigMap(string namespaceName, string name);

    V1Secret? GetSecret(string namespaceName, string name);

    V1PersistentVolumeClaim? GetPersistentVolumeClaim(string namespaceName, string name);

    IReadOnlyList<V1Pod> ListPods();

    IReadOnlyList<V1Service> ListServices();
}
