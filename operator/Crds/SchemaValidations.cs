using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackendStack.Operator.Api;

namespace BackendStack.Operator.Crds;

/// <summary>
/// Turns the validation attributes of the API types into schema keywords: <c>required</c>,
/// <c>minimum</c>/<c>maximum</c>, <c>pattern</c>, lengths, <c>default</c> and CEL rules.
/// </summary>
internal sealed class SchemaValidations(JsonSerializerOptions serializerOptions)
{
    private readonly NullabilityInfoContext nullability = new();

    public static bool IsRequired(PropertyInfo property) => property.IsDefined(typeof(RequiredAttribute));

    public void ApplyToProperty(JsonObject node, PropertyInfo property, Type type)
    {
        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            SetBound(node, "minimum", range.Minimum, type);
            SetBound(node, "maximum", range.Maximum, type);
        }

        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } pattern)
        {
            node["pattern"] = pattern.Pattern;
        }

        var isArray = node["type"]?.GetValue<string>() == "array";
        if (property.GetCustomAttribute<MinLengthAttribute>() is { } minLength)
        {
            node[isArray ? "minItems" : "minLength"] = minLength.Length;
        }

        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } maxLength)
        {
            node[isArray ? "maxItems" : "maxLength"] = maxLength.Length;
        }

        if (property.GetCustomAttribute<DefaultValueAttribute>() is { } defaultValue)
        {
            node["default"] = JsonSerializer.SerializeToNode(defaultValue.Value, defaultValue.Value?.GetType() ?? type, serializerOptions);
        }
        else if (DefaultsToEmptyObject(property, type))
        {
            // The API server applies nested defaults only inside objects that exist.
            node["default"] = new JsonObject();
        }

        AddRules(node, property.GetCustomAttributes<CelRuleAttribute>());
    }

    public static void ApplyToType(JsonObject node, Type type) => AddRules(node, type.GetCustomAttributes<CelRuleAttribute>());

    private bool DefaultsToEmptyObject(PropertyInfo property, Type type) =>
        type.IsClass && type != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
        && !IsRequired(property) && nullability.Create(property).ReadState == NullabilityState.NotNull;

    private static void SetBound(JsonObject node, string keyword, object bound, Type type)
    {
        var value = Convert.ToDouble(bound, CultureInfo.InvariantCulture);
        // int.MaxValue and beyond mean "no upper bound" in the attributes.
        if (Math.Abs(value) >= int.MaxValue)
        {
            return;
        }

        node[keyword] = type == typeof(double) || type == typeof(float) ? JsonValue.Create(value) : JsonValue.Create((long)value);
    }

    private static void AddRules(JsonObject node, IEnumerable<CelRuleAttribute> rules)
    {
        var entries = rules.Select(rule =>
        {
            var entry = new JsonObject { ["rule"] = rule.Rule };
            if (rule.Message is not null)
            {
                entry["message"] = rule.Message;
            }

            if (rule.FieldPath is not null)
            {
                entry["fieldPath"] = rule.FieldPath;
            }

            return (JsonNode)entry;
        }).ToArray();
        if (entries.Length > 0)
        {
            node["x-kubernetes-validations"] = new JsonArray(entries);
        }
    }
}
