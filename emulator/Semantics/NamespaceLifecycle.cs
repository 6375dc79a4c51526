using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Semantics;

/// <summary>
/// Namespace deletion as the namespace controller does it: the namespace turns Terminating, everything
/// in it is deleted (finalizers still hold objects), and the namespace goes once it is empty.
/// </summary>
internal static class NamespaceLifecycle
{
    public static StoredObject BeginTermination(ResourceService service, ResourceType type, StoredObject current, DeleteOptions options)
    {
        var ns = current.Name;
        var obj = current.Clone();
        if (options.DryRun) return current;
        if (Json.Str(obj, "metadata.deletionTimestamp") is null)
        {
            Json.Meta(obj)["deletionTimestamp"] = Json.Timestamp(service.Time.GetUtcNow());
            Json.Meta(obj)["deletionGracePeriodSeconds"] = 0;
            Json.Object(obj, "status")["phase"] = "Terminating";
            current = service.Store.Put(type.Store, obj);
        }
        foreach (var t in NamespacedTypes(service.Registry))
            foreach (var o in service.Store.List(t.Store, ns).Items)
                if (Json.Str(o.View, "metadata.deletionTimestamp") is null)
                    service.Delete(t, ns, o.Name, DeleteOptions.Default);
        FinishIfEmpty(service, ns);
        return service.Store.Get(type.Store, null, ns) ?? current;
    }

    public static void FinishIfEmpty(ResourceService service, string ns)
    {
        var nsObject = service.Store.Get("namespaces", null, ns);
        if (nsObject is null || Json.Str(nsObject.View, "metadata.deletionTimestamp") is null) return;
        if (NamespacedTypes(service.Registry).Any(t => service.Store.List(t.Store, ns).Items.Count > 0)) return;
        service.Remove(service.Registry.Get("", "v1", "namespaces"), "", ns);
    }

    private static IEnumerable<ResourceType> NamespacedTypes(ResourceRegistry registry) =>
        registry.All.Where(t => t.Namespaced).DistinctBy(t => t.Store);
}
