using BackendStack.Operator.Runtime.Clients;
using BackendStack.Operator.Runtime.Informers;
using BackendStack.Operator.Runtime.Queue;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Controllers;

/// <summary>
/// For an owned kind: enqueues the controller owner named by the object's controller ownerReference, if that owner
/// is of the controller's kind (controller-runtime's EnqueueRequestForOwner with OnlyControllerOwner). On an update
/// both the old and the new owner are enqueued, so a child that changes hands is seen by both.
/// </summary>
internal sealed class EnqueueOwner<T>(WorkQueue<ObjectKey> queue, ResourceType ownerType, bool wantsOwnWrites = true) : IResourceEventHandler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public bool WantsOwnWrites => wantsOwnWrites;

    public void OnAdd(T obj) => EnqueueOwnerOf(obj);

    public void OnUpdate(T oldObj, T newObj)
    {
        EnqueueOwnerOf(oldObj);
        EnqueueOwnerOf(newObj);
    }

    public void OnDelete(T obj) => EnqueueOwnerOf(obj);

    /// <summary>The key of the controller owner of <paramref name="obj"/> when it is of <paramref name="ownerType"/>.</summary>
    public static ObjectKey? ControllerOwner(IKubernetesObject<V1ObjectMeta> obj, ResourceType ownerType)
    {
        var owner = obj.Metadata.OwnerReferences?.FirstOrDefault(r => r.Controller == true);
        if (owner is null || owner.Kind != ownerType.Kind || GroupOf(owner.ApiVersion) != ownerType.Group)
        {
            return null;
        }

        return new ObjectKey(obj.Metadata.NamespaceProperty ?? string.Empty, owner.Name);
    }

    private static string GroupOf(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? string.Empty : apiVersion[..slash];
    }

    private void EnqueueOwnerOf(T obj)
    {
        if (ControllerOwner(obj, ownerType) is { } key)
        {
            queue.Add(key);
        }
    }
}
