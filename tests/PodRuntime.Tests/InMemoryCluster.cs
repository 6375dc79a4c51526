using System.Collections.Concurrent;
using BackendStack.PodRuntime;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

/// <summary>The API objects a test hands to the runtime, kept in memory (the emulator's store plays this part in integration).</summary>
internal sealed class InMemoryCluster : IPodClusterView
{
    private readonly ConcurrentDictionary<(string Kind, string Namespace, string Name), object> objects = new();

    public void Put(V1ConfigMap configMap) => objects[("ConfigMap", configMap.Metadata.NamespaceProperty, configMap.Metadata.Name)] = configMap;

    public void Put(V1Secret secret) => objects[("Secret", secret.Metadata.NamespaceProperty, secret.Metadata.Name)] = secret;

    public void Put(V1PersistentVolumeClaim claim) => objects[("PersistentVolumeClaim", claim.Metadata.NamespaceProperty, claim.Metadata.Name)] = claim;

    public void Put(V1Pod pod) => objects[("Pod", pod.Metadata.NamespaceProperty, pod.Metadata.Name)] = pod;

    public void Put(V1Service service) => objects[("Service", service.Metadata.NamespaceProperty, service.Metadata.Name)] = service;

    public void RemovePod(PodKey key) => objects.TryRemove(("Pod", key.Namespace, key.Name), out _);

    public V1ConfigMap? GetConfigMap(string namespaceName, string name) => Get<V1ConfigMap>("ConfigMap", namespaceName, name);

    public V1Secret? GetSecret(string namespaceName, string name) => Get<V1Secret>("Secret", namespaceName, name);

    public V1PersistentVolumeClaim? GetPersistentVolumeClaim(string namespaceName, string name) =>
        Get<V1PersistentVolumeClaim>("PersistentVolumeClaim", namespaceName, name);

    public IReadOnlyList<V1Pod> ListPods() => [.. objects.Values.OfType<V1Pod>()];

    public IReadOnlyList<V1Service> ListServices() => [.. objects.Values.OfType<V1Service>()];

    private T? Get<T>(string kind, string namespaceName, string name)
        where T : class => objects.TryGetValue((kind, namespaceName, name), out var value) ? (T)value : null;
}
