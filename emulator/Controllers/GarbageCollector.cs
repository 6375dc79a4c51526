using System.Text.Json.Nodes;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Semantics;
using BackendStack.Emulator.Storage;
using Microsoft.Extensions.Logging;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// ownerReference garbage collection, asynchronous like kube-controller-manager's: dependents whose
/// owners are all gone are deleted (background); an owner deleted in the foreground waits for its
/// dependents; an orphaning delete strips the ownerReferences and lets the dependents live.
/// </summary>
internal sealed class GarbageCollector(ResourceService service, ILogger logger)
{
    public Task RunAsync(CancellationToken ct) => ChangeFeed.RunAsync(service.Store, Handle, logger, ct);

    private void Handle(StoreEvent e)
    {
        if (e.Object is null) return;
        var obj = e.Object.View;
        if (e.Type == StoreEventType.Deleted)
        {
            CollectOrphansOf(Json.Str(obj, "metadata.uid"));
            RecheckForegroundOwners();
            return;
        }
        if (Json.Str(obj, "metadata.deletionTimestamp") is not null)
        {
            var finalizers = Finalizers.Of(obj);
            if (finalizers.Contains(Finalizers.Orphan)) Orphan(e.Store, e.Object);
            else if (finalizers.Contains(Finalizers.Foreground)) Foreground(e.Store, e.Object);
        }
        if (e.Type == StoreEventType.Added && OwnerUids(obj).ToList() is { Count: > 0 } owners && !owners.Any(Exists))
            Delete(e.Store, e.Object, null);
    }

    private void CollectOrphansOf(string? uid)
    {
        if (uid is null) return;
        foreach (var (store, dependent) in Dependents(uid))
            if (!OwnerUids(dependent.View).Any(Exists)) Delete(store, dependent, null);
    }

    private void Foreground(string store, StoredObject owner)
    {
        var dependents = Dependents(Json.Str(owner.View, "metadata.uid")!).ToList();
        foreach (var (depStore, dependent) in dependents)
            if (Json.Str(dependent.View, "metadata.deletionTimestamp") is null) Delete(depStore, dependent, "Foreground");
        if (dependents.Count == 0) RemoveFinalizer(store, owner, Finalizers.Foreground);
    }

    private void Orphan(string store, StoredObject owner)
    {
        var uid = Json.Str(owner.View, "metadata.uid")!;
        foreach (var (depStore, dependent) in Dependents(uid))
        {
            var type = TypeOf(depStore);
            lock (service.Store.Sync)
            {
                var current = service.Store.Get(depStore, dependent.Namespace, dependent.Name);
                if (current is null || type is null) continue;
                var next = current.Clone();
                var refs = (Json.At(next, "metadata.ownerReferences") as JsonArray ?? []).Where(r => Json.Str(r, "uid") != uid).Select(r => r!.DeepClone()).ToList();
                if (refs.Count == 0) Json.Meta(next).Remove("ownerReferences");
                else Json.Meta(next)["ownerReferences"] = new JsonArray([.. refs]);
                service.Write(type, current, next, null, WriteOptions.Default);
            }
        }
        RemoveFinalizer(store, owner, Finalizers.Orphan);
    }

    private void RecheckForegroundOwners()
    {
        foreach (var (store, o) in service.Store.All())
            if (Json.Str(o.View, "metadata.deletionTimestamp") is not null && Finalizers.Of(o.View).Contains(Finalizers.Foreground))
                Foreground(store, o);
    }

    private void RemoveFinalizer(string store, StoredObject owner, string finalizer)
    {
        var type = TypeOf(store);
        if (type is null) return;
        lock (service.Store.Sync)
        {
            var current = service.Store.Get(store, owner.Namespace, owner.Name);
            if (current is null || !Finalizers.Of(current.View).Contains(finalizer)) return;
            var next = current.Clone();
            Finalizers.Set(next, Finalizers.Of(next).Where(f => f != finalizer));
            service.Write(type, current, next, null, WriteOptions.Default);
        }
    }

    private void Delete(string store, StoredObject o, string? policy)
    {
        if (TypeOf(store) is { } type && service.Store.Get(store, o.Namespace, o.Name) is not null)
            service.Delete(type, o.Namespace, o.Name, new DeleteOptions(policy));
    }

    private IEnumerable<(string Store, StoredObject Object)> Dependents(string uid) => service.Store.Dependents(uid);

    private bool Exists(string uid) => service.Store.ByUid(uid) is not null;

    private static IEnumerable<string> OwnerUids(JsonObject obj) =>
        (Json.At(obj, "metadata.ownerReferences") as JsonArray ?? []).Select(r => Json.Str(r, "uid")).OfType<string>();

    private ResourceType? TypeOf(string store) => service.Registry.All.FirstOrDefault(t => t.Store == store && !Events.EventConversion.IsEventsV1(t));
}
