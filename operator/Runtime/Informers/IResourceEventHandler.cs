namespace BackendStack.Operator.Runtime.Informers;

/// <summary>Told about every change an informer sees; handlers only enqueue keys, so they must be quick.</summary>
internal interface IResourceEventHandler<in T>
{
    /// <summary>
    /// Whether to be told about the watch's echo of a write this process recorded (<see cref="ObjectCache{T}.RecordWrite"/>):
    /// the same object, at the same resourceVersion, as the write's response.
    /// </summary>
    bool WantsOwnWrites => true;

    void OnAdd(T obj);

    void OnUpdate(T oldObj, T newObj);

    void OnDelete(T obj);
}
