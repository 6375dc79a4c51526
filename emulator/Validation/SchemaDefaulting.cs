using System.Text.Json.Nodes;

namespace BackendStack.Emulator.Validation;

/// <summary>Applies the `default` values of a structural schema to absent fields, depth first.</summary>
internal static class SchemaDefaulting
{
    public static void Apply(JsonNode? node, JsonObject? schema)
    {
        if (schema is null) return;
        switch (node)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (key, propertyNode) in properties)
                {
                    if (propertyNode is not JsonObject property) continue;
                    if (!obj.ContainsKey(key) && property["default"] is { } d) obj[key] = d.DeepClone();
                    if (obj[key] is { } child) Apply(child, property);
                }
                break;
            case JsonObject map when schema["additionalProperties"] is JsonObject additional:
                foreach (var (_, value) in map) Apply(value, additional);
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                foreach (var item in array) Apply(item, items);
                break;
        }
    }
}
