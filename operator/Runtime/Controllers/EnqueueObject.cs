using BackendStack.Operator.Runtime.Informers;
using BackendStack.Operator.Runtime.Queue;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Controllers;

/// <summary>Enqueues the key of the object itself (the controller's own kind).</summary>
internal sealed class EnqueueObject<T>(WorkQueue<ObjectKey> queue, bool wantsOwnWrites = true) : IResourceEventHandler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public bool WantsOwnWrites => wantsOwnWrites;

    public void OnAdd(T obj) => queue.Add(ObjectKey.Of(obj));

    public void OnUpdate(T oldObj, T newObj) => queue.Add(ObjectKey.Of(newObj));

    public void OnDelete(T obj) => queue.Add(ObjectKey.Of(obj));
}
