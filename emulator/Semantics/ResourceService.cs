using System.Globalization;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Events;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Semantics;

/// <summary>
/// The API server's write semantics over the store: create, update (main resource or /status), delete
/// with finalizers, and the checks and defaults in between. HTTP handlers and in-process controllers
/// both go through here, so they see the same behaviour.
/// </summary>
internal sealed class ResourceService(ObjectStore store, ResourceRegistry registry, TimeProvider time,
    IReadOnlyList<IAdmission> admissions, IReadOnlyList<IStoredHook> hooks)
{
    public ObjectStore Store => store;
    public ResourceRegistry Registry => registry;
    public TimeProvider Time => time;

    public StoredObject Get(ResourceType type, string? ns, string name) =>
        store.Get(type.Store, ns, name) ?? throw StatusErrors.NotFound(type, name);

    public StoredObject Create(ResourceType type, string? ns, JsonObject obj, WriteOptions options)
    {
        obj = EventConversion.ToStored(type, obj);
        lock (store.Sync)
        {
            var meta = Json.Meta(obj);
            ns = ScopeNamespace(type, ns, meta);
            var name = Json.Str(meta, "name") ?? "";
            if (name.Length == 0 && Json.Str(meta, "generateName") is { Length: > 0 } prefix)
            {
                do name = ObjectNames.Generate(prefix); while (store.Get(type.Store, ns, name) is not null);
                meta["name"] = name;
            }
            if (name.Length == 0)
                throw StatusErrors.Invalid(type, "", [FieldError.Required("metadata.name", "name or generateName is required")]);
            if (ObjectNames.Check(name) is { } bad) throw StatusErrors.Invalid(type, name, [bad]);
            if (store.Get(type.Store, ns, name) is not null) throw StatusErrors.AlreadyExists(type, name);
            if (!string.IsNullOrEmpty(Json.Str(meta, "resourceVersion")))
                throw new ApiStatusException(500, "InternalError", "Internal error occurred: resourceVersion should not be set on objects to be created");

            meta["uid"] = Guid.NewGuid().ToString();
            meta["creationTimestamp"] = Json.Timestamp(time.GetUtcNow());
            meta.Remove("deletionTimestamp");
            meta.Remove("deletionGracePeriodSeconds");
            if (Generations.Tracked(type)) meta["generation"] = 1;
            else meta.Remove("generation");
            if (type.HasStatus) obj.Remove("status");
            Stamp(type, obj);
            foreach (var a in admissions) a.Admit(type, obj, null, options);
            if (options.DryRun) return new StoredObject(obj, store.Revision);
            var stored = store.Put(type.Store, obj);
            foreach (var h in hooks) h.Stored(type, stored, deleted: false);
            return stored;
        }
    }

    public StoredObject Update(ResourceType type, string? ns, string name, JsonObject body, string? subresource, WriteOptions options)
    {
        body = EventConversion.ToStored(type, body);
        lock (store.Sync)
        {
            var current = Get(type, ns, name);
            var meta = Json.Meta(body);
            if (Json.Str(meta, "name") is { Length: > 0 } bodyName && bodyName != name)
                throw StatusErrors.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
            if (Json.Str(meta, "resourceVersion") is { Length: > 0 } rv && rv != Rv(current))
                throw StatusErrors.Conflict(type, name);
            return Write(type, current, body, subresource, options);
        }
    }

    /// <summary>Writes <paramref name="desired"/> over <paramref name="current"/>; the caller holds the store lock.</summary>
    internal StoredObject Write(ResourceType type, StoredObject current, JsonObject desired, string? subresource, WriteOptions options)
    {
        // The stored view, shared and read only: every step below only reads the old object.
        var old = current.View;
        var next = subresource == "status" ? StatusOnly(current, desired) : MainOnly(type, old, desired);
        Stamp(type, next);
        Finalizers.CheckNoneAdded(type, old, next);
        foreach (var a in admissions) a.Admit(type, next, old, options);
        Generations.Advance(type, old, next);
        Json.Meta(next)["resourceVersion"] = Rv(current);
        if (JsonNode.DeepEquals(old, next) || options.DryRun) return options.DryRun ? new StoredObject(next, current.ResourceVersion) : current;
        if (Json.Str(next, "metadata.deletionTimestamp") is not null && Finalizers.Of(next).Count == 0)
            return Remove(type, current.Namespace, current.Name)!;
        var stored = store.Put(type.Store, next);
        foreach (var h in hooks) h.Stored(type, stored, deleted: false);
        return stored;
    }

    /// <summary>Deletes an object, or marks it for deletion while finalizers remain. Returns the object and whether it is gone.</summary>
    public (StoredObject Object, bool Gone) Delete(ResourceType type, string? ns, string name, DeleteOptions options)
    {
        lock (store.Sync)
        {
            var current = Get(type, ns, name);
            var obj = current.Clone();
            var meta = Json.Meta(obj);
            if (options.PreconditionUid is { } uid && uid != Json.Str(meta, "uid"))
                throw StatusErrors.Conflict(type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {Json.Str(meta, "uid")}");
            if (options.PreconditionResourceVersion is { } prv && prv != Rv(current))
                throw StatusErrors.Conflict(type, name,
                    $"Precondition failed: ResourceVersion in precondition: {prv}, ResourceVersion in object meta: {Rv(current)}");
            if (type is { Group: "", Plural: "namespaces" }) return (NamespaceLifecycle.BeginTermination(this, type, current, options), false);

            var finalizers = Finalizers.Of(obj);
            var wanted = options.PropagationPolicy switch
            {
                "Foreground" => Finalizers.Foreground,
                "Orphan" => Finalizers.Orphan,
                _ => null,
            };
            if (wanted is not null && !finalizers.Contains(wanted)) finalizers.Add(wanted);
            if (options.DryRun) return (current, finalizers.Count == 0);
            if (finalizers.Count == 0) return (Remove(type, current.Namespace, current.Name)!, true);
            if (Json.Str(meta, "deletionTimestamp") is not null && finalizers.Count == Finalizers.Of(current.View).Count) return (current, false);
            meta["deletionTimestamp"] ??= Json.Timestamp(time.GetUtcNow());
            meta["deletionGracePeriodSeconds"] ??= 0;
            meta["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
            var stored = store.Put(type.Store, obj);
            foreach (var h in hooks) h.Stored(type, stored, deleted: false);
            return (stored, false);
        }
    }

    /// <summary>Removes an object for good and lets hooks react; the caller holds the store lock or needs none.</summary>
    internal StoredObject? Remove(ResourceType type, string ns, string name)
    {
        lock (store.Sync)
        {
            var removed = store.Remove(type.Store, ns, name);
            if (removed is null) return null;
            foreach (var h in hooks) h.Stored(type, removed, deleted: true);
            if (ns.Length > 0) NamespaceLifecycle.FinishIfEmpty(this, ns);
            return removed;
        }
    }

    private string? ScopeNamespace(ResourceType type, string? ns, JsonObject meta)
    {
        if (!type.Namespaced)
        {
            meta.Remove("namespace");
            return null;
        }
        var bodyNs = Json.Str(meta, "namespace");
        if (string.IsNullOrEmpty(ns)) ns = string.IsNullOrEmpty(bodyNs) ? "default" : bodyNs;
        if (!string.IsNullOrEmpty(bodyNs) && bodyNs != ns)
            throw StatusErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        meta["namespace"] = ns;
        var nsObject = store.Get("namespaces", null, ns) ?? throw StatusErrors.NamespaceNotFound(ns);
        if (Json.Str(nsObject.View, "metadata.deletionTimestamp") is not null)
            throw new ApiStatusException(403, "Forbidden",
                $"{type.GroupResource} \"{Json.Str(meta, "name") ?? Json.Str(meta, "generateName")}\" is forbidden: unable to create new content in namespace {ns} because it is being terminated",
                new JsonObject { ["name"] = Json.Str(meta, "name") ?? "", ["kind"] = type.Plural });
        return ns;
    }

    private static JsonObject StatusOnly(StoredObject current, JsonObject desired)
    {
        var next = current.Clone();
        if (desired["status"] is { } status) next["status"] = status.DeepClone();
        else next.Remove("status");
        return next;
    }

    private static JsonObject MainOnly(ResourceType type, JsonObject old, JsonObject desired)
    {
        var next = desired;
        var meta = Json.Meta(next);
        var oldMeta = Json.Meta(old);
        foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace", "name" })
        {
            if (oldMeta[field] is { } v) meta[field] = v.DeepClone();
            else meta.Remove(field);
        }
        if (type.HasStatus)
        {
            if (old["status"] is { } status) next["status"] = status.DeepClone();
            else next.Remove("status");
        }
        return next;
    }

    private static void Stamp(ResourceType type, JsonObject obj)
    {
        var stored = EventConversion.StoredType(type);
        obj.Remove("apiVersion");
        obj.Remove("kind");
        obj.Insert(0, "apiVersion", stored.ApiVersion);
        obj.Insert(1, "kind", stored.Kind);
    }

    private static string Rv(StoredObject o) => o.ResourceVersion.ToString(CultureInfo.InvariantCulture);
}
