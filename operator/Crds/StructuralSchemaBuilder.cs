using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace BackendStack.Operator.Crds;

/// <summary>
/// Builds the structural OpenAPI v3 schema of a type: the shape comes from
/// <see cref="JsonSchemaExporter"/>, then references are inlined, nullability is folded into
/// optionality, and descriptions and validations are added from XML docs and attributes.
/// </summary>
internal sealed class StructuralSchemaBuilder(XmlDocComments docs)
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        RespectNullableAnnotations = true,
    };

    private readonly SchemaValidations validations = new(SerializerOptions);

    public JsonObject Build(Type type)
    {
        var exported = JsonSchemaExporter.GetJsonSchemaAsNode(SerializerOptions, type, new JsonSchemaExporterOptions
        {
            TransformSchemaNode = (context, node) => KnownSchemas.For(context.TypeInfo.Type) ?? node,
        });
        var schema = (JsonObject)SchemaReferences.Inline(exported);
        Shape(schema, type, property: null);
        return schema;
    }

    private void Shape(JsonObject node, Type declaredType, PropertyInfo? property)
    {
        var type = Nullable.GetUnderlyingType(declaredType) ?? declaredType;
        NormalizeNullable(node);
        AddFormat(node, type);
        if (property is not null)
        {
            Describe(node, property, type);
            validations.ApplyToProperty(node, property, type);
        }

        if (IsApiType(type))
        {
            SchemaValidations.ApplyToType(node, type);
        }

        if (node["properties"] is JsonObject properties)
        {
            ShapeProperties(node, properties, type);
        }
        else if (node["items"] is JsonObject items && ElementType(type) is { } itemType)
        {
            Shape(items, itemType, property: null);
        }
        else if (node["additionalProperties"] is JsonObject values && ElementType(type) is { } valueType)
        {
            Shape(values, valueType, property: null);
        }
    }

    private void ShapeProperties(JsonObject node, JsonObject properties, Type type)
    {
        var byJsonName = SerializerOptions.GetTypeInfo(type).Properties
            .Where(p => p.AttributeProvider is PropertyInfo)
            .ToDictionary(p => p.Name, p => (PropertyInfo)p.AttributeProvider!, StringComparer.Ordinal);
        foreach (var (name, child) in properties)
        {
            if (child is JsonObject childSchema && byJsonName.TryGetValue(name, out var childProperty))
            {
                Shape(childSchema, childProperty.PropertyType, childProperty);
            }
        }

        node.Remove("required");
        var required = byJsonName.Where(p => SchemaValidations.IsRequired(p.Value)).Select(p => JsonValue.Create(p.Key)).ToArray();
        if (required.Length > 0)
        {
            node["required"] = new JsonArray(required);
        }
    }

    private void Describe(JsonObject node, PropertyInfo property, Type type)
    {
        // spec and status are declared once for every kind; their types say what they hold for this kind.
        var typeFirst = property.DeclaringType!.IsConstructedGenericType && IsApiType(type);
        var description = typeFirst
            ? docs.ForType(type)
            : docs.ForProperty(property) ?? (IsApiType(type) ? docs.ForType(type) : null);
        if (description is null && IsApiType(property.DeclaringType!))
        {
            throw new InvalidOperationException(
                $"{property.DeclaringType!.Name}.{property.Name} has no XML doc summary; it is the field's description in the CRD.");
        }

        if (description is not null)
        {
            node["description"] = description;
        }
    }

    // Optional fields are simply omitted: a null in a manifest is pruned by the API server.
    private static void NormalizeNullable(JsonObject node)
    {
        if (node["type"] is JsonArray types)
        {
            var concrete = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
            node["type"] = concrete.Count == 1 ? concrete[0] : throw new InvalidOperationException($"Ambiguous schema type {types.ToJsonString()}");
        }

        if (node["enum"] is JsonArray values)
        {
            node["enum"] = new JsonArray([.. values.Where(v => v is not null).Select(v => v!.DeepClone())]);
            node["type"] ??= "string";
        }
    }

    private static void AddFormat(JsonObject node, Type type)
    {
        if (type == typeof(int))
        {
            node["format"] = "int32";
        }
        else if (type == typeof(long))
        {
            node["format"] = "int64";
        }
    }

    private static bool IsApiType(Type type) => type.Namespace == typeof(Api.ApiGroup).Namespace;

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var generic = type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IList<>) || definition == typeof(List<>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>))
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return generic?.GetGenericArguments()[^1];
    }
}
