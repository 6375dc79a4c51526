using System.Text.Json.Nodes;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Patch;

/// <summary>
/// Strategic merge patch for built-in types: lists of the known kinds merge by their key (containers,
/// env, volumes by name, ports by port) and the $patch, $setElementOrder and $deleteFromPrimitiveList
/// directives apply; every other list is replaced, as the Go types' patch tags say.
/// </summary>
internal static class StrategicMergePatch
{
    private static readonly Dictionary<string, string> MergeKeys = new()
    {
        ["containers"] = "name", ["initContainers"] = "name", ["ephemeralContainers"] = "name", ["env"] = "name",
        ["volumes"] = "name", ["volumeMounts"] = "mountPath", ["volumeDevices"] = "devicePath", ["imagePullSecrets"] = "name",
        ["hostAliases"] = "ip", ["conditions"] = "type", ["ownerReferences"] = "uid", ["resourceClaims"] = "name",
        ["topologySpreadConstraints"] = "topologyKey",
    };

    private static readonly HashSet<string> MergedPrimitiveLists = ["finalizers"];

    public static JsonObject Apply(JsonObject original, JsonObject patch) => MergeObject(original.DeepClone().AsObject(), patch);

    private static JsonObject MergeObject(JsonObject target, JsonObject patch)
    {
        if (Json.Str(patch, "$patch") == "replace")
        {
            var replaced = patch.DeepClone().AsObject();
            replaced.Remove("$patch");
            return replaced;
        }
        var orders = new Dictionary<string, JsonArray>();
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith("$setElementOrder/", StringComparison.Ordinal)) { orders[key["$setElementOrder/".Length..]] = (JsonArray)value!; continue; }
            if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                var field = key["$deleteFromPrimitiveList/".Length..];
                if (target[field] is JsonArray list)
                    foreach (var gone in (value as JsonArray ?? []).ToList())
                        foreach (var item in list.Where(i => JsonNode.DeepEquals(i, gone)).ToList()) list.Remove(item);
                continue;
            }
            if (key.StartsWith('$')) continue;
            if (value is null) { target.Remove(key); continue; }
            target[key] = MergeValue(key, target[key], value);
        }
        foreach (var (field, order) in orders)
            if (target[field] is JsonArray list) target[field] = Reorder(list, order);
        return target;
    }

    private static JsonNode? MergeValue(string key, JsonNode? current, JsonNode value)
    {
        if (value is JsonObject po)
        {
            if (Json.Str(po, "$patch") == "delete") return null;
            return MergeObject(current is JsonObject co ? co.DeepClone().AsObject() : new JsonObject(), po);
        }
        if (value is JsonArray pa && current is JsonArray ca)
        {
            if (MergedPrimitiveLists.Contains(key))
                return new JsonArray([.. ca.Select(n => n?.DeepClone()).Concat(pa.Where(p => !ca.Any(c => JsonNode.DeepEquals(c, p))).Select(p => p?.DeepClone()))]);
            if (MergeKey(key, ca, pa) is { } mergeKey) return MergeList(mergeKey, ca, pa);
        }
        return StripDirectives(value.DeepClone());
    }

    private static string? MergeKey(string key, JsonArray current, JsonArray patch)
    {
        if (key == "ports")
            return current.Concat(patch).OfType<JsonObject>().Any(o => o.ContainsKey("containerPort")) ? "containerPort" : "port";
        return MergeKeys.GetValueOrDefault(key);
    }

    private static JsonArray MergeList(string mergeKey, JsonArray current, JsonArray patch)
    {
        var result = current.Select(n => n?.DeepClone()).ToList();
        foreach (var item in patch.OfType<JsonObject>())
        {
            if (Json.Str(item, "$patch") == "replace") return new JsonArray([.. patch.Select(p => StripDirectives(p?.DeepClone()))]);
            var id = item[mergeKey];
            var index = result.FindIndex(r => r is JsonObject ro && JsonNode.DeepEquals(ro[mergeKey], id));
            if (Json.Str(item, "$patch") == "delete")
            {
                if (index >= 0) result.RemoveAt(index);
                continue;
            }
            if (index >= 0) result[index] = MergeObject((JsonObject)result[index]!, item);
            else result.Add(StripDirectives(item.DeepClone()));
        }
        return new JsonArray([.. result]);
    }

    private static JsonArray Reorder(JsonArray list, JsonArray order)
    {
        var items = list.Select(n => n?.DeepClone()).ToList();
        var ordered = new List<JsonNode?>();
        foreach (var o in order)
        {
            var index = items.FindIndex(i => o is JsonObject oo ? i is JsonObject io && oo.All(kv => JsonNode.DeepEquals(io[kv.Key], kv.Value)) : JsonNode.DeepEquals(i, o));
            if (index < 0) continue;
            ordered.Add(items[index]);
            items.RemoveAt(index);
        }
        return new JsonArray([.. ordered.Concat(items)]);
    }

    private static JsonNode? StripDirectives(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(kv => kv.Key).Where(k => k.StartsWith('$')).ToList()) o.Remove(key);
                foreach (var (_, v) in o.ToList()) StripDirectives(v);
                break;
            case JsonArray a:
                foreach (var v in a) StripDirectives(v);
                break;
        }
        return node;
    }
}
