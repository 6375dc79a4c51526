using System.Text.Json.Nodes;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Validation;

/// <summary>Drops fields a structural schema does not declare (unless it preserves unknown fields) and reports their paths.</summary>
internal static class SchemaPruning
{
    public static void Prune(JsonNode? node, JsonObject? schema, string path, List<string> pruned, bool root = false)
    {
        if (schema is null || Json.At(schema, "x-kubernetes-preserve-unknown-fields")?.GetValue<bool>() == true && schema["properties"] is null) return;
        switch (node)
        {
            case JsonObject obj:
                var properties = schema["properties"] as JsonObject;
                var additional = schema["additionalProperties"] as JsonObject;
                var preserve = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
                var embedded = root || schema["x-kubernetes-embedded-resource"]?.GetValue<bool>() == true;
                foreach (var (key, value) in obj.ToList())
                {
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (embedded && key is "apiVersion" or "kind" or "metadata") continue;
                    if (properties?[key] is JsonObject propertySchema) Prune(value, propertySchema, childPath, pruned);
                    else if (additional is not null) Prune(value, additional, childPath, pruned);
                    else if (!preserve && (properties is not null || schema["additionalProperties"] is null))
                    {
                        obj.Remove(key);
                        pruned.Add(childPath);
                    }
                }
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++) Prune(array[i], items, $"{path}[{i}]", pruned);
                break;
        }
    }
}
