using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Storage;
using Cel;

namespace BackendStack.Emulator.Validation;

/// <summary>
/// x-kubernetes-validations: each rule is a CEL expression over `self` (and `oldSelf` on updates),
/// evaluated with the Cel package. A rule it cannot compile is skipped, as it cannot be judged.
/// </summary>
internal sealed class CelRules
{
    private readonly CelEnvironment environment = new(null, null);
    private readonly ConcurrentDictionary<string, CelProgramDelegate?> programs = new();

    public void Check(JsonNode? node, JsonNode? old, JsonObject schema, string path, List<FieldError> errors)
    {
        if (node is null) return;
        foreach (var rule in (schema["x-kubernetes-validations"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var expression = Json.Str(rule, "rule") ?? "";
            var transition = expression.Contains("oldSelf", StringComparison.Ordinal);
            if (transition && old is null) continue;
            var program = programs.GetOrAdd(expression, Compile);
            if (program is null) continue;
            var variables = new Dictionary<string, object?> { ["self"] = ToCel(node) };
            if (transition) variables["oldSelf"] = ToCel(old);
            object? result;
            try
            {
                result = program.Invoke(variables);
            }
            catch (CelException e)
            {
                errors.Add(FieldError.Invalid(path, Shape(node), $"rule evaluation error: {e.Message}"));
                continue;
            }
            if (result is true) continue;
            var field = Json.Str(rule, "fieldPath") is { Length: > 0 } fp ? path + fp : path;
            var message = Json.Str(rule, "message") ?? $"failed rule: {expression}";
            errors.Add(FieldError.Invalid(field, Shape(node), message));
        }
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var child = (schema["properties"] as JsonObject)?[key] as JsonObject ?? schema["additionalProperties"] as JsonObject;
                    if (child is not null) Check(value, (old as JsonObject)?[key], child, SchemaValidator.Join(path, key), errors);
                }
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++) Check(array[i], null, items, $"{path}[{i}]", errors);
                break;
        }
    }

    /// <summary>Whether a rule can be evaluated here (rules that cannot are skipped).</summary>
    public bool Compiles(string expression) => programs.GetOrAdd(expression, Compile) is not null;

    private CelProgramDelegate? Compile(string expression)
    {
        try
        {
            return environment.Compile(expression);
        }
        catch (CelException)
        {
            return null;
        }
    }

    private static string Shape(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "\"object\"",
        JsonValueKind.Array => "\"array\"",
        _ => SchemaValidator.Render(node),
    };

    public static object? ToCel(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(kv => kv.Key, kv => ToCel(kv.Value)),
        JsonArray a => a.Select(ToCel).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => Json.Number(v) is var d && Math.Floor(d) == d && Math.Abs(d) < 9e15 ? (long)d : d,
            _ => null,
        },
        _ => null,
    };
}
