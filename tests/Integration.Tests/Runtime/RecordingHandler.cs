using System.Collections.Concurrent;
using BackendStack.Operator.Runtime.Informers;
using k8s.Models;

namespace BackendStack.Tests.Runtime;

/// <summary>Remembers what an informer told its handlers.</summary>
internal sealed class RecordingHandler : IResourceEventHandler<V1ConfigMap>
{
    public ConcurrentQueue<string> Added { get; } = new();

    public ConcurrentQueue<string> Updated { get; } = new();

    public ConcurrentQueue<string> Deleted { get; } = new();

    public void OnAdd(V1ConfigMap obj) => Added.Enqueue(obj.Metadata.Name);

    public void OnUpdate(V1ConfigMap oldObj, V1ConfigMap newObj) => Updated.Enqueue(newObj.Metadata.Name);

    public void OnDelete(V1ConfigMap obj) => Deleted.Enqueue(obj.Metadata.Name);
}
