using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Resources;

namespace BackendStack.Emulator.OpenApi;

/// <summary>
/// /openapi/v3: the index of group-versions and one document per group-version. kubectl apply reads the
/// PATCH operation of each kind (x-kubernetes-group-version-kind + the fieldValidation parameter) to
/// decide it may ask for server-side field validation; custom resources also carry their CRD schema.
/// </summary>
internal static class OpenApiDocuments
{
    public static JsonObject Index(ResourceRegistry registry)
    {
        var paths = new JsonObject();
        foreach (var (group, versions) in registry.Groups())
            foreach (var version in versions)
            {
                var key = group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
                var hash = Hash(Document(registry, group, version)!);
                paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={hash}" };
            }
        return new JsonObject { ["paths"] = paths };
    }

    public static JsonObject? Document(ResourceRegistry registry, string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0) return null;
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var t in types)
        {
            var definition = DefinitionName(t);
            var prefix = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
            var path = t.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{t.Plural}/{{name}}" : $"{prefix}/{t.Plural}/{{name}}";
            paths[path] = new JsonObject { ["patch"] = PatchOperation(t, definition) };
            if (t.Schema is not null) schemas[definition] = CustomResourceSchema(t);
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.3" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    public static string Hash(JsonObject document) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.ToJsonString())))[..40];

    private static JsonObject PatchOperation(ResourceType t, string definition)
    {
        var response = t.Schema is null ? new JsonObject { ["type"] = "object" } : new JsonObject { ["$ref"] = $"#/components/schemas/{definition}" };
        return new JsonObject
        {
            ["operationId"] = $"patch{t.Kind}",
            ["parameters"] = new JsonArray(
                Query("dryRun"), Query("fieldManager"), Query("fieldValidation"), Query("force", "boolean")),
            ["requestBody"] = new JsonObject
            {
                ["content"] = new JsonObject([.. PatchMediaTypes(t).Select(m => KeyValuePair.Create(m, (JsonNode?)new JsonObject
                {
                    ["schema"] = new JsonObject { ["type"] = "object" },
                }))]),
                ["required"] = true,
            },
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = response } },
                },
            },
            ["x-kubernetes-action"] = "patch",
            ["x-kubernetes-group-version-kind"] = Gvk(t),
        };
    }

    private static JsonObject CustomResourceSchema(ResourceType t)
    {
        var schema = t.Schema!.DeepClone().AsObject();
        var properties = schema["properties"] as JsonObject ?? new JsonObject();
        properties["apiVersion"] ??= new JsonObject { ["type"] = "string" };
        properties["kind"] ??= new JsonObject { ["type"] = "string" };
        properties["metadata"] = new JsonObject { ["type"] = "object" };
        schema["properties"] = properties;
        schema["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(t));
        return schema;
    }

    private static IEnumerable<string> PatchMediaTypes(ResourceType t) =>
        t.IsCustom
            ? ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"]
            : ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"];

    private static JsonObject Query(string name, string type = "string") => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
    };

    private static JsonObject Gvk(ResourceType t) => new() { ["group"] = t.Group, ["version"] = t.Version, ["kind"] = t.Kind };

    private static string DefinitionName(ResourceType t) =>
        t.Group.Length == 0 ? $"io.k8s.api.core.{t.Version}.{t.Kind}" : $"{string.Join('.', t.Group.Split('.').Reverse())}.{t.Version}.{t.Kind}";
}
