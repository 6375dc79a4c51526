using k8s.Models;

namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>Metadata of a child: its name, the resource's namespace, the labels and a controller reference to the resource.</summary>
internal static class ChildMetadata
{
    public static V1ObjectMeta For(Api.RedisFailover owner, string name, string component)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = owner.Metadata.NamespaceProperty,
            Labels = RedisFailoverLabels.For(owner.Metadata.Name, component),
            OwnerReferences =
            [
                new V1OwnerReference
                {
                    ApiVersion = owner.ApiVersion,
                    Kind = owner.Kind,
                    Name = owner.Metadata.Name,
                    Uid = owner.Metadata.Uid,
                    Controller = true,
                    BlockOwnerDeletion = true,
                },
            ],
        };
    }
}
