namespace BackendStack.Operator.Runtime.Informers;

/// <summary>Told about every change an informer sees; handlers only enqueue keys, so they must be quick.</summary>
internal interface IResourceEventHandler<in T>
{
    void OnAdd(T obj);

    void OnUpdate(T oldObj, T newObj);

    void OnDelete(T obj);
}
