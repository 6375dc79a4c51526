using System.Text.Json.Nodes;
using BackendStack.Operator.Runtime.Clients;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Writes;

/// <summary>
/// Adds a finalizer once, only for kinds with external state, and removes it with a JSON patch that first tests
/// the resourceVersion, so a removal based on a stale copy fails instead of dropping someone else's finalizer.
/// </summary>
internal static class Finalizers
{
    public static async Task<T> EnsureAsync<T>(IResourceClient<T> client, T obj, string finalizer, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (obj.Metadata.Finalizers?.Contains(finalizer) == true)
        {
            return obj;
        }

        return await client.PatchAsync(obj.Namespace(), obj.Name(), AddPatch(obj, finalizer), cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T> RemoveAsync<T>(IResourceClient<T> client, T obj, string finalizer, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (obj.Metadata.Finalizers?.Contains(finalizer) != true)
        {
            return obj;
        }

        return await client.PatchAsync(obj.Namespace(), obj.Name(), RemovePatch(obj, finalizer), cancellationToken).ConfigureAwait(false);
    }

    public static V1Patch AddPatch(IKubernetesObject<V1ObjectMeta> obj, string finalizer) =>
        GuardedPatch(obj, [.. obj.Metadata.Finalizers ?? [], finalizer]);

    public static V1Patch RemovePatch(IKubernetesObject<V1ObjectMeta> obj, string finalizer) =>
        GuardedPatch(obj, [.. (obj.Metadata.Finalizers ?? []).Where(f => f != finalizer)]);

    private static V1Patch GuardedPatch(IKubernetesObject<V1ObjectMeta> obj, IReadOnlyList<string> finalizers)
    {
        var operations = new JsonArray
        {
            new JsonObject { ["op"] = "test", ["path"] = "/metadata/resourceVersion", ["value"] = obj.Metadata.ResourceVersion },
            new JsonObject
            {
                ["op"] = obj.Metadata.Finalizers is null ? "add" : "replace",
                ["path"] = "/metadata/finalizers",
                ["value"] = new JsonArray([.. finalizers.Select(f => (JsonNode)JsonValue.Create(f))]),
            },
        };
        return new V1Patch(operations.ToJsonString(), V1Patch.PatchType.JsonPatch);
    }
}
