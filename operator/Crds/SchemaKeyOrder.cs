using System.Text.Json.Nodes;

namespace BackendStack.Operator.Crds;

/// <summary>
/// Orders the keywords of every schema node alphabetically, as Kubernetes' own tooling does,
/// so the generated files are stable; property names keep their declaration order.
/// </summary>
internal static class SchemaKeyOrder
{
    private static readonly HashSet<string> NestedSchemas = ["items", "additionalProperties"];

    public static JsonObject Sort(JsonObject schema)
    {
        var entries = schema.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        schema.Clear();
        foreach (var (key, value) in entries)
        {
            schema[key] = key switch
            {
                "properties" when value is JsonObject properties => SortEach(properties),
                "anyOf" or "allOf" or "oneOf" when value is JsonArray alternatives => SortEach(alternatives),
                _ when NestedSchemas.Contains(key) && value is JsonObject nested => Sort(nested),
                _ => value,
            };
        }

        return schema;
    }

    private static JsonObject SortEach(JsonObject properties)
    {
        foreach (var (_, value) in properties.ToList())
        {
            if (value is JsonObject property)
            {
                Sort(property);
            }
        }

        return properties;
    }

    private static JsonArray SortEach(JsonArray alternatives)
    {
        foreach (var value in alternatives)
        {
            if (value is JsonObject alternative)
            {
                Sort(alternative);
            }
        }

        return alternatives;
    }
}
