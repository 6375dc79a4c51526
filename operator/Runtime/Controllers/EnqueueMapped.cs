using BackendStack.Operator.Runtime.Informers;
using BackendStack.Operator.Runtime.Queue;

namespace BackendStack.Operator.Runtime.Controllers;

/// <summary>
/// For a kind the controller depends on but does not own: enqueues whatever keys <c>map</c> names for a changed
/// object (e.g. every tier that references a RedisFailover when it appears).
/// </summary>
internal sealed class EnqueueMapped<T>(WorkQueue<ObjectKey> queue, Func<T, IEnumerable<ObjectKey>> map) : IResourceEventHandler<T>
{
    public void OnAdd(T obj) => Enqueue(obj);

    public void OnUpdate(T oldObj, T newObj) => Enqueue(newObj);

    public void OnDelete(T obj) => Enqueue(obj);

    private void Enqueue(T obj)
    {
        foreach (var key in map(obj))
        {
            queue.Add(key);
        }
    }
}
