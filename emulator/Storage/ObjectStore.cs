using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;

namespace BackendStack.Emulator.Storage;

/// <summary>
/// The emulator's etcd: objects per store key, one global resourceVersion counter, a bounded history
/// of changes for watches that resume, and live subscriptions. Every write is serialized by one lock,
/// which callers also hold (via <see cref="Sync"/>) for read-modify-write sequences.
/// </summary>
internal sealed class ObjectStore(int historyCapacity)
{
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> stores = [];
    private readonly Queue<StoreEvent> history = new();
    private readonly List<Subscription> subscriptions = [];
    private readonly OwnerIndex owners = new();
    private long revision = 100;
    private long compactedThrough = 100;

    /// <summary>The lock every read-modify-write holds; it is re-entrant.</summary>
    public object Sync { get; } = new();

    public long Revision { get { lock (Sync) return revision; } }

    /// <summary>Watches and continue tokens from before this revision get 410 Expired.</summary>
    public long CompactedThrough { get { lock (Sync) return compactedThrough; } }

    public long ObjectCount { get { lock (Sync) return stores.Values.Sum(s => (long)s.Count); } }

    public StoredObject? Get(string store, string? ns, string name)
    {
        lock (Sync)
            return stores.TryGetValue(store, out var objects) && objects.TryGetValue(ObjectKey.Of(ns, name), out var o) ? o : null;
    }

    /// <summary>Objects of a store (in one namespace, or all when <paramref name="ns"/> is null), in key order.</summary>
    public (IReadOnlyList<StoredObject> Items, long Revision) List(string store, string? ns, Func<StoredObject, bool>? filter = null)
    {
        lock (Sync)
        {
            if (!stores.TryGetValue(store, out var objects)) return ([], revision);
            IEnumerable<StoredObject> items = objects.Values;
            if (!string.IsNullOrEmpty(ns)) items = items.Where(o => o.Namespace == ns);
            if (filter is not null) items = items.Where(filter);
            return ([.. items], revision);
        }
    }

    /// <summary>The object with this uid, in whichever store holds it.</summary>
    public (string Store, StoredObject Object)? ByUid(string uid)
    {
        lock (Sync)
            return owners.ByUid(uid) is { } at && stores[at.Store].TryGetValue(at.Key, out var o) ? (at.Store, o) : null;
    }

    /// <summary>Objects whose ownerReferences name <paramref name="ownerUid"/> (only of <paramref name="store"/> when given), in store and key order.</summary>
    public IReadOnlyList<(string Store, StoredObject Object)> Dependents(string ownerUid, string? store = null)
    {
        lock (Sync)
            return [.. owners.Dependents(ownerUid).Where(at => store is null || at.Store == store)
                .OrderBy(at => at.Store, StringComparer.Ordinal).ThenBy(at => at.Key, StringComparer.Ordinal)
                .Select(at => (at.Store, stores[at.Store][at.Key]))];
    }

    /// <summary>Every object of every store, as (store key, object).</summary>
    public IReadOnlyList<(string Store, StoredObject Object)> All()
    {
        lock (Sync) return [.. stores.SelectMany(kv => kv.Value.Values.Select(o => (kv.Key, o)))];
    }

    /// <summary>Stores a new version of an object (creating it when absent) and publishes the change.</summary>
    public StoredObject Put(string store, JsonObject obj)
    {
        lock (Sync)
        {
            var rv = ++revision;
            ((JsonObject)obj["metadata"]!)["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stored = new StoredObject(obj, rv);
            var objects = Bucket(store);
            objects.TryGetValue(stored.Key, out var previous);
            objects[stored.Key] = stored;
            owners.Replace(store, previous, stored);
            Publish(new StoreEvent(previous is null ? StoreEventType.Added : StoreEventType.Modified, store, stored, previous, rv));
            return stored;
        }
    }

    /// <summary>Removes an object; its last state, stamped with the deletion's resourceVersion, is what watchers get.</summary>
    public StoredObject? Remove(string store, string? ns, string name)
    {
        lock (Sync)
        {
            if (!stores.TryGetValue(store, out var objects) || !objects.Remove(ObjectKey.Of(ns, name), out var previous)) return null;
            owners.Replace(store, previous, null);
            var rv = ++revision;
            var last = previous.Clone();
            ((JsonObject)last["metadata"]!)["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stored = new StoredObject(last, rv);
            Publish(new StoreEvent(StoreEventType.Deleted, store, stored, previous, rv));
            return stored;
        }
    }

    /// <summary>
    /// Subscribes to changes after <paramref name="fromRevision"/> (replayed from history), or, when it is
    /// null, to the current objects as ADDED events followed by every later change.
    /// </summary>
    public Subscription Subscribe(string? store, long? fromRevision, Func<StoredObject, bool>? filter, bool droppable)
    {
        lock (Sync)
        {
            var sub = new Subscription(this, store, filter, droppable);
            if (fromRevision is { } from)
            {
                if (from < compactedThrough)
                    throw StatusErrors.Expired($"too old resource version: {from} ({compactedThrough + 1})");
                foreach (var e in history.Where(e => e.Revision > from)) sub.Offer(e);
            }
            else
            {
                var current = store is null ? stores.SelectMany(kv => kv.Value.Values.Select(o => (kv.Key, o)))
                    : stores.TryGetValue(store, out var objs) ? objs.Values.Select(o => (store, o)) : [];
                foreach (var (key, o) in current)
                    sub.Offer(new StoreEvent(StoreEventType.Added, key, o, null, o.ResourceVersion));
            }
            subscriptions.Add(sub);
            return sub;
        }
    }

    /// <summary>Queues a bookmark at the current revision behind every event already queued for the subscriber.</summary>
    public void Bookmark(Subscription sub)
    {
        lock (Sync) sub.Deliver(new StoreEvent(StoreEventType.Bookmark, sub.Store ?? "", null, null, revision));
    }

    /// <summary>Forgets the history, so any watch resuming from an older resourceVersion gets 410 Expired.</summary>
    public void CompactHistory()
    {
        lock (Sync)
        {
            history.Clear();
            compactedThrough = revision;
        }
    }

    /// <summary>Ends every droppable subscription (HTTP watches), as when an apiserver restarts.</summary>
    public void DropSubscriptions()
    {
        lock (Sync)
            foreach (var s in subscriptions.Where(s => s.Droppable).ToList())
            {
                subscriptions.Remove(s);
                s.Complete();
            }
    }

    internal void Unsubscribe(Subscription sub)
    {
        lock (Sync) subscriptions.Remove(sub);
    }

    private SortedDictionary<string, StoredObject> Bucket(string store)
    {
        if (!stores.TryGetValue(store, out var objects)) stores[store] = objects = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
        return objects;
    }

    private void Publish(StoreEvent e)
    {
        history.Enqueue(e);
        while (history.Count > historyCapacity) compactedThrough = history.Dequeue().Revision;
        foreach (var s in subscriptions) s.Offer(e);
    }
}
