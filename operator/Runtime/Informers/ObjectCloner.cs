using k8s;

namespace BackendStack.Operator.Runtime.Informers;

/// <summary>Deep copies through the client's own serializer, so a cached object is never mutated in place.</summary>
internal static class ObjectCloner
{
    public static T Clone<T>(T obj) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(obj));
}
