using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Validation;

/// <summary>
/// Checks a value against a structural schema (type, required, enum, minimum/maximum, lengths, items,
/// pattern) and reports errors with the field paths and wording of kube-apiserver.
/// </summary>
internal static class SchemaValidator
{
    public static void Validate(JsonNode? node, JsonObject schema, string path, List<FieldError> errors)
    {
        if (node is null)
        {
            if (schema["nullable"]?.GetValue<bool>() != true && path.Length > 0)
                errors.Add(FieldError.Invalid(path, "\"null\"", $"{path} in body must be of type {Json.Str(schema, "type") ?? "object"}: \"null\""));
            return;
        }
        if (!TypeMatches(node, schema))
        {
            var actual = TypeName(node);
            errors.Add(FieldError.Invalid(path, $"\"{actual}\"", $"{path} in body must be of type {Json.Str(schema, "type")}: \"{actual}\""));
            return;
        }
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, node)))
            errors.Add(FieldError.NotSupported(path, Render(node), allowed.Select(Render)));
        CheckNumber(node, schema, path, errors);
        CheckString(node, schema, path, errors);
        switch (node)
        {
            case JsonObject obj:
                foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
                    if (!obj.ContainsKey(required)) errors.Add(FieldError.Required(Join(path, required)));
                var properties = schema["properties"] as JsonObject;
                foreach (var (key, value) in obj)
                {
                    if (path.Length == 0 && key is "apiVersion" or "kind" or "metadata") continue;
                    if (properties?[key] is JsonObject p) Validate(value, p, Join(path, key), errors);
                    else if (schema["additionalProperties"] is JsonObject a) Validate(value, a, Join(path, key), errors);
                }
                break;
            case JsonArray array:
                if (Json.Long(schema, "minItems") is { } minItems && array.Count < minItems)
                    errors.Add(FieldError.Invalid(path, array.Count.ToString(CultureInfo.InvariantCulture), $"{path} in body should have at least {minItems} items"));
                if (Json.Long(schema, "maxItems") is { } maxItems && array.Count > maxItems)
                    errors.Add(new FieldError(path, "FieldValueTooMany", $"Too many: {array.Count}: must have at most {maxItems} items"));
                if (schema["items"] is JsonObject items)
                    for (var i = 0; i < array.Count; i++) Validate(array[i], items, $"{path}[{i}]", errors);
                break;
        }
    }

    private static void CheckNumber(JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return;
        var n = Json.Number(v);
        var exclusiveMin = schema["exclusiveMinimum"]?.GetValue<bool>() == true;
        var exclusiveMax = schema["exclusiveMaximum"]?.GetValue<bool>() == true;
        if (schema["minimum"] is JsonValue min && (exclusiveMin ? n <= Json.Number(min) : n < Json.Number(min)))
            errors.Add(FieldError.Invalid(path, Render(node), $"{path} in body should be greater than {(exclusiveMin ? "" : "or equal to ")}{Render(min)}"));
        if (schema["maximum"] is JsonValue max && (exclusiveMax ? n >= Json.Number(max) : n > Json.Number(max)))
            errors.Add(FieldError.Invalid(path, Render(node), $"{path} in body should be less than {(exclusiveMax ? "" : "or equal to ")}{Render(max)}"));
    }

    private static void CheckString(JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String) return;
        var s = v.GetValue<string>();
        if (Json.Long(schema, "minLength") is { } minLength && s.Length < minLength)
            errors.Add(FieldError.Invalid(path, Render(node), $"{path} in body should be at least {minLength} chars long"));
        if (Json.Long(schema, "maxLength") is { } maxLength && s.Length > maxLength)
            errors.Add(new FieldError(path, "FieldValueTooLong", $"Too long: may not be more than {maxLength} bytes"));
        if (Json.Str(schema, "pattern") is { } pattern && !Regex.IsMatch(s, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            errors.Add(FieldError.Invalid(path, Render(node), $"{path} in body should match '{pattern}'"));
    }

    private static bool TypeMatches(JsonNode node, JsonObject schema)
    {
        var kind = node.GetValueKind();
        if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true)
            return kind == JsonValueKind.String || (kind == JsonValueKind.Number && IsInteger(node));
        return Json.Str(schema, "type") switch
        {
            null => true,
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "integer" => kind == JsonValueKind.Number && IsInteger(node),
            "number" => kind == JsonValueKind.Number,
            _ => true,
        };
    }

    private static bool IsInteger(JsonNode node) => Json.Number(node) is var d && Math.Floor(d) == d;

    private static string TypeName(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => IsInteger(node) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    public static string Render(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Json.Number(v).ToString(CultureInfo.InvariantCulture),
        null => "null",
        _ => node.ToJsonString(),
    };

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
