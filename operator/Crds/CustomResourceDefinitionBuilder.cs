using System.Reflection;
using System.Text.Json.Nodes;
using BackendStack.Operator.Api;
using k8s.Models;

namespace BackendStack.Operator.Crds;

/// <summary>Builds the CustomResourceDefinition of one kind from its .NET type.</summary>
internal sealed class CustomResourceDefinitionBuilder(XmlDocComments docs)
{
    private readonly StructuralSchemaBuilder schemas = new(docs);

    public JsonObject Build(Type kind)
    {
        var entity = kind.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{kind.Name} has no KubernetesEntity attribute.");
        var version = new JsonObject
        {
            ["name"] = entity.ApiVersion,
            ["served"] = true,
            ["storage"] = true,
            ["additionalPrinterColumns"] = PrinterColumns(kind),
            ["schema"] = new JsonObject { ["openAPIV3Schema"] = RootSchema(kind) },
            ["subresources"] = Subresources(kind),
        };
        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{entity.PluralName}.{entity.Group}",
                ["labels"] = new JsonObject { ["app.kubernetes.io/part-of"] = "backendstack" },
            },
            ["spec"] = new JsonObject
            {
                ["group"] = entity.Group,
                ["names"] = new JsonObject
                {
                    ["categories"] = new JsonArray("backendstack", "all"),
                    ["kind"] = entity.Kind,
                    ["listKind"] = entity.Kind + "List",
                    ["plural"] = entity.PluralName,
                    ["shortNames"] = new JsonArray([.. kind.GetCustomAttribute<ShortNamesAttribute>()?.Names.Select(n => JsonValue.Create(n)) ?? []]),
                    ["singular"] = entity.Kind.ToLowerInvariant(),
                },
                ["scope"] = "Namespaced",
                ["versions"] = new JsonArray(version),
            },
        };
    }

    private JsonObject RootSchema(Type kind)
    {
        var schema = schemas.Build(kind);
        schema["description"] = docs.ForType(kind) ?? throw new InvalidOperationException($"{kind.Name} has no XML doc summary.");
        var properties = (JsonObject)schema["properties"]!;
        // Metadata is validated by the API server itself; its schema in a CRD is just "an object".
        properties["metadata"] = new JsonObject { ["type"] = "object" };
        // A spec with required fields must be given; otherwise an absent spec is defaulted, so its own defaults apply.
        var spec = properties["spec"]!.AsObject();
        if (spec["required"] is not null)
        {
            schema["required"] = new JsonArray("spec");
        }
        else
        {
            spec["default"] = new JsonObject();
        }

        return SchemaKeyOrder.Sort(schema);
    }

    private static JsonArray PrinterColumns(Type kind)
    {
        var own = kind.GetCustomAttributes<PrinterColumnAttribute>().OrderBy(c => c.Order)
            .Select(c => Column(c.Name, c.Type, c.JsonPath, c.Description));
        var common = new[]
        {
            Column("READY", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Status of the Ready condition"),
            Column("PHASE", "string", ".status.phase", "One word summarising the state"),
            Column("AGE", "date", ".metadata.creationTimestamp", null),
        };
        return new JsonArray([.. own.Concat(common)]);
    }

    private static JsonObject Column(string name, string type, string jsonPath, string? description)
    {
        var column = new JsonObject { ["name"] = name, ["type"] = type, ["jsonPath"] = jsonPath };
        if (description is not null)
        {
            column["description"] = description;
        }

        return column;
    }

    private static JsonObject Subresources(Type kind)
    {
        var subresources = new JsonObject { ["status"] = new JsonObject() };
        if (kind.GetCustomAttribute<ScaleSubresourceAttribute>() is { } scale)
        {
            var paths = new JsonObject
            {
                ["specReplicasPath"] = scale.SpecReplicasPath,
                ["statusReplicasPath"] = scale.StatusReplicasPath,
            };
            if (scale.LabelSelectorPath is not null)
            {
                paths["labelSelectorPath"] = scale.LabelSelectorPath;
            }

            subresources["scale"] = paths;
        }

        return subresources;
    }
}
