using k8s.Models;

namespace BackendStack.PodRuntime;

/// <summary>Namespace and name of a Pod.</summary>
public readonly record struct PodKey(string Namespace, string Name)
{
    public static PodKey Of(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return new(pod.Metadata.NamespaceProperty ?? "default", pod.Metadata.Name);
    }

    public override string ToString() => $"{Namespace}/{Name}";
}
