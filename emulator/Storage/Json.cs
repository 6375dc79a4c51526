using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackendStack.Emulator.Storage;

/// <summary>Small accessors over JSON objects, for the fields the emulator reads and writes.</summary>
internal static class Json
{
    public static JsonObject Meta(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject m) return m;
        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string? Str(JsonNode? node, string path)
    {
        var n = At(node, path);
        return n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : n is JsonValue other ? other.ToJsonString() : null;
    }

    public static long? Long(JsonNode? node, string path) =>
        At(node, path) is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? (long)Number(v) : null;

    /// <summary>A number however it was created (parsed, or set from an int, long or double).</summary>
    public static double Number(JsonNode node)
    {
        var v = (JsonValue)node;
        if (v.TryGetValue<double>(out var d)) return d;
        if (v.TryGetValue<long>(out var l)) return l;
        if (v.TryGetValue<int>(out var i)) return i;
        if (v.TryGetValue<decimal>(out var m)) return (double)m;
        if (v.TryGetValue<float>(out var f)) return f;
        return double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
    }

    public static JsonNode? At(JsonNode? node, string path)
    {
        if (path.Length == 0) return node;
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(part, out node)) return null;
        }
        return node;
    }

    public static JsonObject Object(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject o) return o;
        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    public static IReadOnlyDictionary<string, string> StringMap(JsonNode? node) =>
        node is JsonObject o
            ? o.Where(kv => kv.Value is JsonValue).ToDictionary(kv => kv.Key, kv => Str(kv.Value, "") ?? "")
            : new Dictionary<string, string>();

    public static bool DeepEquals(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string MicroTimestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
