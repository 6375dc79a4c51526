using System.Text.Json.Nodes;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// The objects of one kind by label pair (namespace, key=value), kept from the change feed like an informer's
/// index: the Pods a Service selects, or the Services whose selector a Pod matches, are found among the objects
/// that share a pair with them instead of among every object of the namespace. It may lag the store by the events
/// still queued in the feed; those events bring their own reconciles, so callers check what they find.
/// </summary>
internal sealed class LabelIndex(string store, Func<JsonObject, IReadOnlyDictionary<string, string>> pairsOf)
{
    private readonly Dictionary<string, HashSet<string>> byPair = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Namespace, IReadOnlyDictionary<string, string> Pairs)> byObject = new(StringComparer.Ordinal);

    public void Seed(IEnumerable<StoredObject> objects)
    {
        foreach (var o in objects) Set(o, pairsOf(o.View));
    }

    public void Observe(StoreEvent e)
    {
        if (e.Store != store || e.Object is null) return;
        Set(e.Object, e.Type == StoreEventType.Deleted ? null : pairsOf(e.Object.View));
    }

    /// <summary>Names of the objects in <paramref name="ns"/> that carry every one of <paramref name="pairs"/> (none when it is empty).</summary>
    public IReadOnlyList<string> WithAll(string ns, IReadOnlyDictionary<string, string> pairs)
    {
        var smallest = pairs.Select(p => byPair.GetValueOrDefault(Pair(ns, p.Key, p.Value))).MinBy(set => set?.Count ?? 0);
        return smallest is null ? [] : [.. smallest.Where(key => Carries(byObject[key].Pairs, pairs)).Select(Name)];
    }

    /// <summary>Names of the objects in <paramref name="ns"/> with at least one pair, all of them among <paramref name="labels"/>.</summary>
    public IReadOnlyList<string> Within(string ns, IReadOnlyDictionary<string, string> labels)
    {
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
            foreach (var o in byPair.GetValueOrDefault(Pair(ns, key, value)) ?? [])
                shared[o] = shared.GetValueOrDefault(o) + 1;
        return [.. shared.Where(kv => kv.Value == byObject[kv.Key].Pairs.Count).Select(kv => Name(kv.Key))];
    }

    public static bool Carries(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> pairs) =>
        pairs.All(p => labels.TryGetValue(p.Key, out var v) && v == p.Value);

    private void Set(StoredObject o, IReadOnlyDictionary<string, string>? pairs)
    {
        var key = o.Key;
        if (byObject.Remove(key, out var old))
            foreach (var (k, v) in old.Pairs)
            {
                var pair = Pair(old.Namespace, k, v);
                if (byPair[pair].Remove(key) && byPair[pair].Count == 0) byPair.Remove(pair);
            }
        if (pairs is null) return;
        byObject[key] = (o.Namespace, pairs);
        foreach (var (k, v) in pairs)
        {
            var pair = Pair(o.Namespace, k, v);
            if (!byPair.TryGetValue(pair, out var set)) byPair[pair] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(key);
        }
    }

    private static string Pair(string ns, string key, string value) => $"{ns}\0{key}={value}";

    private static string Name(string objectKey) => objectKey[(objectKey.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
