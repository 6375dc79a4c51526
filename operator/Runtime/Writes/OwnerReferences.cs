using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Writes;

/// <summary>The controller ownerReference that ties a child to its resource, for garbage collection and for enqueueing the owner.</summary>
internal static class OwnerReferences
{
    public static V1OwnerReference ControlledBy(IKubernetesObject<V1ObjectMeta> owner) => new()
    {
        ApiVersion = owner.ApiVersion,
        Kind = owner.Kind,
        Name = owner.Metadata.Name,
        Uid = owner.Metadata.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };
}
