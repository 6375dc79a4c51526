using System.Text.Json.Nodes;
using BackendStack.Operator.Runtime.Clients;
using BackendStack.Operator.Runtime.Informers;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Writes;

/// <summary>
/// Writes a computed status through the status subresource, and only when it differs from the cached one. The PUT
/// carries the cached resourceVersion, so a status computed from a stale object is refused (409) and recomputed.
/// </summary>
internal static class StatusWriter
{
    public static async Task<bool> WriteIfChangedAsync<T, TStatus>(
        IResourceClient<T> client, ObjectCache<T> cache, T current, TStatus desired, Func<T, TStatus?> read, Action<T, TStatus> write,
        CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (AreEqual(read(current), desired))
        {
            return false;
        }

        var updated = ObjectCloner.Clone(current);
        write(updated, desired);
        var written = await client.ReplaceStatusAsync(updated, cancellationToken).ConfigureAwait(false);
        cache.RecordWrite(written);
        return true;
    }

    public static bool AreEqual<TStatus>(TStatus? a, TStatus? b) =>
        JsonNode.DeepEquals(
            a is null ? null : JsonNode.Parse(KubernetesJson.Serialize(a)),
            b is null ? null : JsonNode.Parse(KubernetesJson.Serialize(b)));
}
