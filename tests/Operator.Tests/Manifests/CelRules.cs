using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cel;

namespace BackendStack.Tests.Manifests;

/// <summary>Evaluates the <c>x-kubernetes-validations</c> CEL rules of a schema node, as the API server does.</summary>
internal static class CelRules
{
    private static readonly CelEnvironment Environment = new([], "");
    private static readonly ConcurrentDictionary<string, CelProgramDelegate> Programs = new();

    public static IEnumerable<string> Check(SchemaInstance node)
    {
        if (node.Schema["x-kubernetes-validations"] is not JsonArray rules)
        {
            yield break;
        }

        var self = ToCel(node.Instance);
        foreach (var rule in rules.Select(r => r!.AsObject()))
        {
            var expression = (string)rule["rule"]!;
            var field = node.Path + ((string?)rule["fieldPath"] ?? "");
            var message = (string?)rule["message"] ?? $"failed rule: {expression}";
            object? result;
            try
            {
                result = Programs.GetOrAdd(expression, Environment.Compile).Invoke(new Dictionary<string, object?> { ["self"] = self });
            }
            catch (CelException error)
            {
                result = $"rule {expression} could not be evaluated: {error.Message}";
            }

            if (result is not true)
            {
                yield return $"{field}: Invalid value: {(result is string failure ? failure : message)}";
            }
        }
    }

    private static object? ToCel(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToCel(p.Value)),
        JsonArray array => array.Select(ToCel).ToArray(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => Number(value.Deserialize<JsonElement>()),
            _ => null,
        },
        _ => null,
    };

    private static object Number(JsonElement number) => number.TryGetInt64(out var integer) ? integer : number.GetDouble();
}
