using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Writes;

/// <summary>Metadata of a child: its name, the owner's namespace, its labels and the controller reference to the owner.</summary>
internal static class ChildMetadata
{
    public static V1ObjectMeta For(IKubernetesObject<V1ObjectMeta> owner, string name, IDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = owner.Metadata.NamespaceProperty,
            Labels = labels,
            OwnerReferences = [OwnerReferences.ControlledBy(owner)],
        };
    }
}
