using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Informers;

/// <summary>
/// The read-only, in-memory view of one kind that its informer keeps, indexed by namespace and name. Objects handed
/// out are shared: clone (<see cref="ObjectCloner"/>) before mutating. Objects this process wrote itself are kept in
/// a short-lived overlay until the watch catches up (client-go's MutationCache), so a reconcile that runs right
/// after a write does not act on the older copy and write again.
/// </summary>
internal sealed class ObjectCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan WrittenTtl = TimeSpan.FromSeconds(30);

    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<string, T>> byNamespace = [];
    private readonly Dictionary<ObjectKey, (T Object, DateTimeOffset Expires)> written = [];
    private readonly TimeProvider time;
    private int count;

    public ObjectCache(TimeProvider time)
    {
        this.time = time;
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    public T? Get(ObjectKey key)
    {
        lock (gate)
        {
            var observed = byNamespace.TryGetValue(key.Namespace, out var names) ? names.GetValueOrDefault(key.Name) : null;
            if (!written.TryGetValue(key, out var entry))
            {
                return observed;
            }

            if (entry.Expires <= time.GetUtcNow() || (observed is not null && !ResourceVersions.IsNewer(entry.Object, observed)))
            {
                written.Remove(key);
                return observed;
            }

            return entry.Object;
        }
    }

    /// <summary>Every object in <paramref name="namespace"/>, or in every namespace when it is null.</summary>
    public IReadOnlyList<T> List(string? @namespace = null)
    {
        lock (gate)
        {
            if (@namespace is not null)
            {
                return byNamespace.TryGetValue(@namespace, out var names) ? [.. names.Values] : [];
            }

            return [.. byNamespace.Values.SelectMany(names => names.Values)];
        }
    }

    /// <summary>Remembers an object as this process just wrote it (the API's response).</summary>
    public void RecordWrite(T obj)
    {
        StripManagedFields(obj);
        var key = ObjectKey.Of(obj);
        lock (gate)
        {
            written[key] = (obj, time.GetUtcNow() + WrittenTtl);
        }
    }

    /// <summary>Forgets what this process wrote about an object it has since deleted.</summary>
    public void ForgetWrite(ObjectKey key)
    {
        lock (gate)
        {
            written.Remove(key);
        }
    }

    /// <summary>Stores an object from the watch; returns the copy it replaced.</summary>
    internal T? Upsert(T obj) => Upsert(obj, out _);

    /// <summary>
    /// Stores an object from the watch; returns the copy it replaced. <paramref name="ownWrite"/> tells whether it is
    /// the echo of a write this process recorded (same resourceVersion): the watch has caught up with that write.
    /// </summary>
    internal T? Upsert(T obj, out bool ownWrite)
    {
        lock (gate)
        {
            var key = ObjectKey.Of(obj);
            ownWrite = written.TryGetValue(key, out var entry) && entry.Object.Metadata.ResourceVersion == obj.Metadata.ResourceVersion;
            if (ownWrite)
            {
                written.Remove(key);
            }

            return UpsertLocked(obj);
        }
    }

    internal T? Remove(ObjectKey key)
    {
        lock (gate)
        {
            written.Remove(key);
            if (!byNamespace.TryGetValue(key.Namespace, out var names) || !names.Remove(key.Name, out var removed))
            {
                return null;
            }

            count--;
            if (names.Count == 0)
            {
                byNamespace.Remove(key.Namespace);
            }

            return removed;
        }
    }

    /// <summary>
    /// Replaces everything in <paramref name="namespace"/> (every namespace when null) with a fresh LIST of it; returns
    /// what changed so handlers can be told.
    /// </summary>
    internal CacheReplacement<T> Replace(IReadOnlyList<T> items, string? @namespace = null)
    {
        lock (gate)
        {
            Dictionary<ObjectKey, T> old;
            if (@namespace is null)
            {
                old = byNamespace.Values.SelectMany(names => names.Values).ToDictionary(ObjectKey.Of);
                byNamespace.Clear();
                count = 0;
            }
            else
            {
                old = byNamespace.Remove(@namespace, out var names) ? names.Values.ToDictionary(ObjectKey.Of) : [];
                count -= old.Count;
            }

            var added = new List<T>();
            var updated = new List<(T Old, T New)>();
            foreach (var item in items)
            {
                var previous = UpsertLocked(item);
                var key = ObjectKey.Of(item);
                if (old.Remove(key, out var before))
                {
                    if (before.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
                    {
                        updated.Add((before, item));
                    }
                }
                else if (previous is null)
                {
                    added.Add(item);
                }
            }

            foreach (var key in old.Keys)
            {
                written.Remove(key);
            }

            return new CacheReplacement<T>(added, updated, [.. old.Values]);
        }
    }

    private T? UpsertLocked(T obj)
    {
        StripManagedFields(obj);
        var key = ObjectKey.Of(obj);
        if (!byNamespace.TryGetValue(key.Namespace, out var names))
        {
            names = [];
            byNamespace[key.Namespace] = names;
        }

        names.TryGetValue(key.Name, out var previous);
        names[key.Name] = obj;
        if (previous is null)
        {
            count++;
        }

        return previous;
    }

    /// <summary>
    /// Drops what no reconciler reads (<see cref="UnreadMetadata"/>): managedFields, as controller-runtime's
    /// TransformStripManagedFields does, and kubectl's last-applied-configuration, a second copy of the object.
    /// </summary>
    private static void StripManagedFields(T obj) => UnreadMetadata.Strip(obj.Metadata);
}
