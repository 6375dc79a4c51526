using System.Text.Json.Nodes;
using k8s.Models;

namespace BackendStack.Operator.Crds;

/// <summary>
/// Schemas of Kubernetes types whose JSON form differs from their .NET shape (custom
/// converters), written the way Kubernetes' own CRD tooling writes them.
/// </summary>
internal static class KnownSchemas
{
    private const string QuantityPattern =
        @"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$";

    public static JsonObject? For(Type type) => type switch
    {
        _ when type == typeof(ResourceQuantity) => Quantity(),
        _ when type == typeof(IntOrString) => IntOrString(),
        _ when type == typeof(V1ResourceRequirements) => ResourceRequirements(),
        _ when type == typeof(V1Condition) => Condition(),
        _ => null,
    };

    private static JsonObject IntOrString() => new()
    {
        ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
        ["x-kubernetes-int-or-string"] = true,
    };

    private static JsonObject Quantity()
    {
        var schema = IntOrString();
        schema["pattern"] = QuantityPattern;
        return schema;
    }

    private static JsonObject ResourceRequirements() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["limits"] = QuantityMap("Limits describes the maximum amount of compute resources allowed."),
            ["requests"] = QuantityMap("Requests describes the minimum amount of compute resources required; it defaults to limits when omitted."),
        },
    };

    private static JsonObject QuantityMap(string description) => new()
    {
        ["description"] = description,
        ["type"] = "object",
        ["additionalProperties"] = Quantity(),
    };

    private static JsonObject Condition() => new()
    {
        ["description"] = "Condition contains details for one aspect of the current state of this API Resource.",
        ["type"] = "object",
        ["required"] = new JsonArray("lastTransitionTime", "message", "reason", "status", "type"),
        ["properties"] = new JsonObject
        {
            ["lastTransitionTime"] = Text("lastTransitionTime is the last time the condition transitioned from one status to another.", format: "date-time"),
            ["message"] = Text("message is a human readable message indicating details about the transition.", maxLength: 32768),
            ["observedGeneration"] = new JsonObject
            {
                ["description"] = "observedGeneration is the .metadata.generation that the condition was set based upon.",
                ["type"] = "integer",
                ["format"] = "int64",
                ["minimum"] = 0,
            },
            ["reason"] = Text("reason contains a programmatic identifier indicating the reason for the condition's last transition, in CamelCase.",
                maxLength: 1024, minLength: 1, pattern: "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$"),
            ["status"] = Text("status of the condition, one of True, False, Unknown.", enumValues: ["True", "False", "Unknown"]),
            ["type"] = Text("type of condition in CamelCase.", maxLength: 316,
                pattern: @"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$"),
        },
    };

    private static JsonObject Text(string description, string? format = null, int? maxLength = null, int? minLength = null,
        string? pattern = null, string[]? enumValues = null)
    {
        var schema = new JsonObject { ["description"] = description, ["type"] = "string" };
        if (format is not null)
        {
            schema["format"] = format;
        }

        if (maxLength is not null)
        {
            schema["maxLength"] = maxLength;
        }

        if (minLength is not null)
        {
            schema["minLength"] = minLength;
        }

        if (pattern is not null)
        {
            schema["pattern"] = pattern;
        }

        if (enumValues is not null)
        {
            schema["enum"] = new JsonArray([.. enumValues.Select(v => JsonValue.Create(v))]);
        }

        return schema;
    }
}
