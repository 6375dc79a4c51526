using System.Globalization;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Patch;

/// <summary>RFC 6902 JSON Patch (application/json-patch+json).</summary>
internal static class JsonPatch
{
    public static JsonObject Apply(JsonObject document, JsonNode? patch)
    {
        if (patch is not JsonArray ops) throw StatusErrors.BadRequest("json patch must be an array of operations");
        JsonNode root = document.DeepClone();
        foreach (var op in ops.OfType<JsonObject>())
        {
            var path = Json.Str(op, "path") ?? throw Failed("missing path");
            switch (Json.Str(op, "op"))
            {
                case "add": Add(root, path, op["value"]?.DeepClone()); break;
                case "remove": Remove(root, path); break;
                case "replace": Remove(root, path); Add(root, path, op["value"]?.DeepClone()); break;
                case "move": { var from = Json.Str(op, "from") ?? ""; var v = Resolve(root, from); Remove(root, from); Add(root, path, v?.DeepClone()); break; }
                case "copy": Add(root, path, Resolve(root, Json.Str(op, "from") ?? "")?.DeepClone()); break;
                case "test":
                    if (!JsonNode.DeepEquals(Resolve(root, path), op["value"])) throw Failed($"testing value {path} failed: test failed");
                    break;
                case var other: throw Failed($"Unexpected kind: {other}");
            }
        }
        return root as JsonObject ?? throw Failed("the patched document is not an object");
    }

    private static void Add(JsonNode root, string path, JsonNode? value)
    {
        var (parent, key) = Parent(root, path, "add");
        switch (parent)
        {
            case JsonObject o: o[key] = value; break;
            case JsonArray a when key == "-": a.Add(value); break;
            case JsonArray a when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= a.Count: a.Insert(i, value); break;
            default: throw Failed($"add operation does not apply: doc is missing path: \"{path}\"");
        }
    }

    private static void Remove(JsonNode root, string path)
    {
        var (parent, key) = Parent(root, path, "remove");
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(key): o.Remove(key); break;
            case JsonArray a when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count: a.RemoveAt(i); break;
            default: throw Failed($"remove operation does not apply: doc is missing path: \"{path}\"");
        }
    }

    private static (JsonNode Parent, string Key) Parent(JsonNode root, string path, string op)
    {
        var tokens = Tokens(path);
        if (tokens.Count == 0) throw Failed($"{op} operation does not apply to the document root");
        var parent = Walk(root, tokens.Take(tokens.Count - 1)) ?? throw Failed($"{op} operation does not apply: doc is missing path: \"{path}\"");
        return (parent, tokens[^1]);
    }

    private static JsonNode? Resolve(JsonNode root, string path) => Walk(root, Tokens(path));

    private static JsonNode? Walk(JsonNode? node, IEnumerable<string> tokens)
    {
        foreach (var t in tokens)
        {
            node = node switch
            {
                JsonObject o => o.TryGetPropertyValue(t, out var child) ? child : null,
                JsonArray a when int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    private static List<string> Tokens(string path) =>
        path.Length == 0 ? [] : [.. path.TrimStart('/').Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static ApiStatusException Failed(string detail) => new(422, "Invalid", detail);
}
