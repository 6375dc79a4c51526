using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime;

/// <summary>The namespace/name of an object: what a controller reconciles (the key, never the event).</summary>
internal readonly record struct ObjectKey(string Namespace, string Name)
{
    public static ObjectKey Of(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return new ObjectKey(obj.Metadata.NamespaceProperty ?? string.Empty, obj.Metadata.Name);
    }

    public override string ToString() => string.IsNullOrEmpty(Namespace) ? Name : $"{Namespace}/{Name}";
}
