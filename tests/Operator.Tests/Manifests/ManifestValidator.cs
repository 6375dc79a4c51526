using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace BackendStack.Tests.Manifests;

/// <summary>
/// Checks a manifest against the CRD of its kind the way the API server admits it: unknown
/// fields are rejected (kubectl's strict field validation), defaults are applied, then the
/// OpenAPI schema and the CEL rules are checked. Every error starts with the field's path.
/// </summary>
internal sealed partial class ManifestValidator(CrdCatalog crds)
{
    private readonly Dictionary<JsonObject, JsonSchema> compiled = [];

    public IReadOnlyList<string> Validate(JsonNode manifest)
    {
        var apiVersion = (string?)manifest["apiVersion"] ?? "";
        var kind = (string?)manifest["kind"] ?? "";
        var schema = crds.Find(apiVersion.Split('/')[0], kind);
        if (schema is null)
        {
            return [$"kind: no CustomResourceDefinition for {kind} in {apiVersion}"];
        }

        var errors = new List<string>();
        if (manifest["metadata"]?["name"] is not JsonValue name || !DnsSubdomain().IsMatch((string)name!))
        {
            errors.Add("metadata.name: Required value: a lowercase DNS subdomain");
        }

        var root = new SchemaInstance(schema, manifest, "");
        foreach (var node in root.DescendantsAndSelf())
        {
            errors.AddRange(UnknownFields(node));
            ApplyDefaults(node);
            errors.AddRange(MissingRequired(node));
        }

        var schemaErrors = SchemaErrors(schema, manifest);
        errors.AddRange(schemaErrors);
        // As in the API server, rules are only evaluated on values of the right shape.
        if (schemaErrors.Count == 0)
        {
            errors.AddRange(root.DescendantsAndSelf().SelectMany(CelRules.Check));
        }

        return errors;
    }

    private static IEnumerable<string> UnknownFields(SchemaInstance node)
    {
        if (node.Instance is JsonObject obj && node.Schema["properties"] is JsonObject properties
            && node.Schema["x-kubernetes-preserve-unknown-fields"] is null)
        {
            foreach (var (name, _) in obj.Where(p => !properties.ContainsKey(p.Key)))
            {
                yield return $"{Join(node.Path, name)}: unknown field";
            }
        }
    }

    private static IEnumerable<string> MissingRequired(SchemaInstance node) =>
        node.Instance is JsonObject obj && node.Schema["required"] is JsonArray required
            ? required.Select(r => (string)r!).Where(name => obj[name] is null).Select(name => $"{Join(node.Path, name)}: Required value")
            : [];

    private static void ApplyDefaults(SchemaInstance node)
    {
        if (node.Instance is JsonObject obj && node.Schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if (!obj.ContainsKey(name) && property?["default"] is { } value)
                {
                    obj[name] = value.DeepClone();
                }
            }
        }
    }

    private List<string> SchemaErrors(JsonObject schema, JsonNode manifest)
    {
        if (!compiled.TryGetValue(schema, out var jsonSchema))
        {
            jsonSchema = JsonSchema.FromText(JsonSchemaText(schema).ToJsonString());
            compiled[schema] = jsonSchema;
        }

        using var instance = JsonDocument.Parse(manifest.ToJsonString());
        var results = jsonSchema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return [.. (results.Details ?? [])
            .Where(d => d.Errors is not null && !d.EvaluationPath.ToString().Contains("/anyOf/", StringComparison.Ordinal))
            .SelectMany(d => d.Errors!.Where(e => e.Key != "required").Select(e => $"{FieldPath(d.InstanceLocation.ToString())}: {e.Value}{Expected(schema, d, e.Key)}"))];
    }

    // JSON Schema knows no x-kubernetes-* extensions; they are checked separately above, and so
    // are required fields (to name the missing field itself).
    private static JsonNode JsonSchemaText(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(p => !p.Key.StartsWith("x-kubernetes-", StringComparison.Ordinal) && p.Key != "nullable")
            .Select(p => KeyValuePair.Create(p.Key, p.Key is "default" or "enum" ? p.Value?.DeepClone() : p.Value is null ? null : JsonSchemaText(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(v => v is null ? null : JsonSchemaText(v))]),
        _ => node.DeepClone(),
    };

    private static string Expected(JsonObject schema, EvaluationResults result, string keyword)
    {
        if (keyword is not ("enum" or "pattern"))
        {
            return "";
        }

        JsonNode? node = schema;
        foreach (var segment in result.EvaluationPath.ToString().Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[segment];
        }

        return node?[keyword] switch
        {
            JsonArray values => $" (supported values: {string.Join(", ", values.Select(v => v?.ToString()))})",
            JsonValue pattern => $" ({pattern})",
            _ => "",
        };
    }

    private static string FieldPath(string pointer) =>
        string.Join('.', pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } path ? ArrayIndex().Replace(path, "[$1]") : "(root)";

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex(@"\.([0-9]+)(?=\.|$)")]
    private static partial Regex ArrayIndex();
}
