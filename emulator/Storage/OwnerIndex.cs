namespace BackendStack.Emulator.Storage;

/// <summary>
/// The store's objects by uid and by owner uid, as kube-controller-manager's garbage collector and workload
/// controllers keep them in their informers' indexes: finding an owner or its dependents costs their number, not
/// the number of objects. Not thread safe; the store updates and reads it under its lock.
/// </summary>
internal sealed class OwnerIndex
{
    private readonly Dictionary<string, (string Store, string Key)> byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<(string Store, string Key)>> byOwner = new(StringComparer.Ordinal);

    public void Replace(string store, StoredObject? previous, StoredObject? next)
    {
        if (previous is not null) Forget(store, previous);
        if (next is not null) Remember(store, next);
    }

    public (string Store, string Key)? ByUid(string uid) => byUid.TryGetValue(uid, out var at) ? at : null;

    public IReadOnlyCollection<(string Store, string Key)> Dependents(string ownerUid) =>
        byOwner.TryGetValue(ownerUid, out var set) ? [.. set] : [];

    private void Remember(string store, StoredObject o)
    {
        var at = (store, o.Key);
        if (o.Uid is { } uid) byUid[uid] = at;
        foreach (var owner in o.OwnerUids)
        {
            if (!byOwner.TryGetValue(owner, out var set)) byOwner[owner] = set = [];
            set.Add(at);
        }
    }

    private void Forget(string store, StoredObject o)
    {
        var at = (store, o.Key);
        if (o.Uid is { } uid && byUid.TryGetValue(uid, out var current) && current == at) byUid.Remove(uid);
        foreach (var owner in o.OwnerUids)
        {
            if (byOwner.TryGetValue(owner, out var set) && set.Remove(at) && set.Count == 0) byOwner.Remove(owner);
        }
    }
}
