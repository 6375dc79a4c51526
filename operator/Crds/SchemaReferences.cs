using System.Text.Json.Nodes;

namespace BackendStack.Operator.Crds;

/// <summary>
/// Replaces every <c>$ref</c> the JSON schema exporter emits for a repeated type with a copy
/// of the schema it points at: a structural CRD schema must not contain references.
/// </summary>
internal static class SchemaReferences
{
    public static JsonNode Inline(JsonNode root) => Inline(root, root);

    private static JsonNode Inline(JsonNode node, JsonNode root)
    {
        switch (node)
        {
            case JsonObject obj when obj["$ref"] is JsonValue reference:
                return Inline(Resolve(root, reference.GetValue<string>()).DeepClone(), root);
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is { } child && Inline(child, root) is var inlined && !ReferenceEquals(inlined, child))
                    {
                        obj[key] = inlined;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item && Inline(item, root) is var inlined && !ReferenceEquals(inlined, item))
                    {
                        array[i] = inlined;
                    }
                }

                return array;
            default:
                return node;
        }
    }

    private static JsonNode Resolve(JsonNode root, string pointer)
    {
        if (!pointer.StartsWith('#'))
        {
            throw new InvalidOperationException($"Only local schema references are supported: {pointer}");
        }

        var node = root;
        foreach (var segment in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject obj => obj[name],
                JsonArray array => array[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)],
                _ => null,
            } ?? throw new InvalidOperationException($"Unresolvable schema reference {pointer}");
        }

        return node;
    }
}
