using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Selectors;

/// <summary>A parsed fieldSelector (=, ==, != joined by commas) over the fields kube-apiserver indexes for a type.</summary>
internal sealed class FieldSelector
{
    private static readonly string[] EventFields =
    [
        "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
        "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
        "reason", "reportingComponent", "source", "type",
    ];

    private readonly List<(string Field, string Value, bool Negate)> terms = [];

    public bool IsEmpty => terms.Count == 0;

    public static FieldSelector Parse(string? text, ResourceType type)
    {
        var selector = new FieldSelector();
        if (string.IsNullOrWhiteSpace(text)) return selector;
        foreach (var raw in text.Split(','))
        {
            var term = raw.Trim();
            if (term.Length == 0) continue;
            var negate = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negate ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            if (parts.Length != 2) throw StatusErrors.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            var field = parts[0].Trim();
            if (!Supported(type, field)) throw StatusErrors.BadRequest($"field label not supported: {field}");
            selector.terms.Add((field, parts[1].Trim(), negate));
        }
        return selector;
    }

    public bool Matches(JsonObject obj) =>
        terms.All(t => (Value(obj, t.Field) == t.Value) != t.Negate);

    private static string Value(JsonObject obj, string field) => field switch
    {
        "source" => Json.Str(obj, "source.component") ?? "",
        _ => Json.Str(obj, field) ?? "",
    };

    private static bool Supported(ResourceType type, string field) =>
        field is "metadata.name" or "metadata.namespace"
        || (type.Plural == "events" && EventFields.Contains(field))
        || (type is { Group: "", Plural: "pods" } && field is "spec.nodeName" or "status.phase" or "status.podIP" or "spec.restartPolicy" or "spec.serviceAccountName")
        || (type is { Group: "", Plural: "secrets" } && field == "type")
        || (type is { Group: "", Plural: "namespaces" } && field == "status.phase")
        || (type is { Group: "batch", Plural: "jobs" } && field == "status.successful");
}
