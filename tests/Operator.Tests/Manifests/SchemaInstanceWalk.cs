using System.Text.Json.Nodes;

namespace BackendStack.Tests.Manifests;

/// <summary>A value of a manifest together with the structural schema that describes it.</summary>
internal sealed record SchemaInstance(JsonObject Schema, JsonNode Instance, string Path)
{
    /// <summary>
    /// This value and every value below it that the schema describes, parents before children, so a
    /// caller may add defaults to a parent before its children are visited.
    /// </summary>
    public IEnumerable<SchemaInstance> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children().SelectMany(c => c.DescendantsAndSelf()))
        {
            yield return child;
        }
    }

    private IEnumerable<SchemaInstance> Children()
    {
        switch (Instance)
        {
            case JsonObject obj:
                var properties = Schema["properties"] as JsonObject;
                var additional = Schema["additionalProperties"] as JsonObject;
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is not null && (properties?[name] as JsonObject ?? additional) is { } schema)
                    {
                        yield return new SchemaInstance(schema, value, Path.Length == 0 ? name : $"{Path}.{name}");
                    }
                }

                break;
            case JsonArray array when Schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        yield return new SchemaInstance(items, item, $"{Path}[{i}]");
                    }
                }

                break;
        }
    }
}
