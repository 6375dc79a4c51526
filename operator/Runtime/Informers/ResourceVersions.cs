using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Informers;

/// <summary>
/// Orders two copies of one object. resourceVersions are opaque to clients in general, but every API server (etcd
/// revisions) and the emulator hand out increasing integers; client-go's MutationCache relies on the same.
/// </summary>
internal static class ResourceVersions
{
    public static bool IsNewer(IKubernetesObject<V1ObjectMeta> candidate, IKubernetesObject<V1ObjectMeta> than)
    {
        if (ulong.TryParse(candidate.Metadata.ResourceVersion, out var a) && ulong.TryParse(than.Metadata.ResourceVersion, out var b))
        {
            return a > b;
        }

        return false;
    }
}
