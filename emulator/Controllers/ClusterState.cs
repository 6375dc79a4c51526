using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Semantics;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// What the built-in controllers read and write, by kind name ("pods", "statefulsets.apps"), going
/// through the same <see cref="ResourceService"/> semantics as API requests. Writes that change
/// nothing are skipped by the service, so controllers can write their desired state unconditionally.
/// </summary>
internal sealed class ClusterState(ResourceService service)
{
    public ResourceService Service => service;

    public ResourceType Type(string groupResource) =>
        service.Registry.All.First(t => t.GroupResource == groupResource);

    public JsonObject? Get(string groupResource, string ns, string name) =>
        service.Store.Get(Type(groupResource).Store, ns, name)?.Clone();

    /// <summary>Private copies of the objects of a namespace that <paramref name="where"/> (which only reads) accepts; only those are copied.</summary>
    public IReadOnlyList<JsonObject> List(string groupResource, string ns, Func<JsonObject, bool>? where = null) =>
        [.. service.Store.List(Type(groupResource).Store, ns).Items.Where(o => where?.Invoke(o.View) ?? true).Select(o => o.Clone())];

    /// <summary>Private copies of the objects of a kind that <paramref name="owner"/> controls, in name order, found through the store's owner index.</summary>
    public IReadOnlyList<JsonObject> Owned(string groupResource, JsonObject owner) =>
        Json.Str(owner, "metadata.uid") is { } uid
            ? [.. service.Store.Dependents(uid, Type(groupResource).Store).Select(d => d.Object)
                .Where(o => o.Namespace == (Json.Str(owner, "metadata.namespace") ?? "") && IsControlledBy(o.View, owner)).Select(o => o.Clone())]
            : [];

    public void Create(string groupResource, string ns, JsonObject obj)
    {
        try
        {
            service.Create(Type(groupResource), ns, obj, WriteOptions.Default);
        }
        catch (ApiStatusException e) when (e.Code == 409)
        {
            // Created meanwhile (or by a previous pass): the next event reconciles it.
        }
    }

    /// <summary>Writes the object (main resource or status) if its resourceVersion is still current.</summary>
    public void Write(string groupResource, JsonObject obj, bool status = false)
    {
        var type = Type(groupResource);
        lock (service.Store.Sync)
        {
            var current = service.Store.Get(type.Store, Json.Str(obj, "metadata.namespace"), Json.Str(obj, "metadata.name") ?? "");
            if (current is null || Json.Str(obj, "metadata.resourceVersion") != Json.Str(current.View, "metadata.resourceVersion")) return;

            // What the service would find unchanged after its checks, found without them: most passes change nothing.
            if (status ? Json.DeepEquals(obj["status"], current.View["status"]) : Json.DeepEquals(obj, current.View)) return;
            service.Write(type, current, obj, status ? "status" : null, WriteOptions.Default);
        }
    }

    public void Delete(string groupResource, string ns, string name)
    {
        try
        {
            service.Delete(Type(groupResource), ns, name, DeleteOptions.Default);
        }
        catch (ApiStatusException e) when (e.Code == 404)
        {
            // Already gone.
        }
    }

    public static JsonObject OwnerReference(JsonObject owner) => new()
    {
        ["apiVersion"] = Json.Str(owner, "apiVersion"),
        ["kind"] = Json.Str(owner, "kind"),
        ["name"] = Json.Str(owner, "metadata.name"),
        ["uid"] = Json.Str(owner, "metadata.uid"),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    public static bool IsControlledBy(JsonObject obj, JsonObject owner) =>
        (Json.At(obj, "metadata.ownerReferences") as JsonArray ?? []).Any(r =>
            Json.Str(r, "uid") == Json.Str(owner, "metadata.uid") && r?["controller"]?.GetValue<bool>() == true);

    public static bool IsDeleting(JsonObject obj) => Json.Str(obj, "metadata.deletionTimestamp") is not null;

    public static bool IsReady(JsonObject pod) =>
        (Json.At(pod, "status.conditions") as JsonArray ?? []).Any(c => Json.Str(c, "type") == "Ready" && Json.Str(c, "status") == "True");
}
