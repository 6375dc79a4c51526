using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Semantics;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Resources;

/// <summary>
/// CRD lifecycle: checks a CRD, fills its status (NamesAccepted, Established, acceptedNames,
/// storedVersions) and serves its kinds as soon as it is stored; deleting it deletes its objects.
/// </summary>
internal sealed class CustomResourceDefinitions(ResourceRegistry registry, ObjectStore store, TimeProvider time) : IAdmission, IStoredHook
{
    public void Admit(ResourceType type, JsonObject obj, JsonObject? old, WriteOptions options)
    {
        if (type.Plural != "customresourcedefinitions") return;
        var name = Json.Str(obj, "metadata.name") ?? "";
        var spec = obj["spec"] as JsonObject;
        var errors = new List<FieldError>();
        var group = Json.Str(spec, "group") ?? "";
        var plural = Json.Str(spec, "names.plural") ?? "";
        var kind = Json.Str(spec, "names.kind") ?? "";
        if (group.Length == 0) errors.Add(FieldError.Required("spec.group"));
        if (plural.Length == 0) errors.Add(FieldError.Required("spec.names.plural"));
        if (kind.Length == 0) errors.Add(FieldError.Required("spec.names.kind"));
        if (name != $"{plural}.{group}") errors.Add(FieldError.Invalid("metadata.name", $"\"{name}\"", "must be spec.names.plural+\".\"+spec.group"));
        if (Json.Str(spec, "scope") is not ("Namespaced" or "Cluster"))
            errors.Add(FieldError.NotSupported("spec.scope", $"\"{Json.Str(spec, "scope")}\"", ["\"Cluster\"", "\"Namespaced\""]));
        var versions = (spec?["versions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (versions.Count == 0) errors.Add(FieldError.Required("spec.versions", "must have exactly one version marked as storage version"));
        else if (versions.Count(v => v["storage"]?.GetValue<bool>() == true) != 1)
            errors.Add(FieldError.Invalid("spec.versions", "[]apiextensions.CustomResourceDefinitionVersion{...}", "must have exactly one version marked as storage version"));
        if (errors.Count > 0) throw StatusErrors.Invalid(type, name, errors);
        obj["status"] = Status(old, spec!, versions);
    }

    public void Stored(ResourceType type, StoredObject stored, bool deleted)
    {
        if (type.Plural != "customresourcedefinitions") return;
        var obj = stored.Clone();
        var name = Json.Str(obj, "metadata.name") ?? "";
        if (!deleted)
        {
            registry.SetCustom(name, Types(obj));
            return;
        }
        registry.SetCustom(name, []);
        foreach (var o in store.List(name, null).Items) store.Remove(name, o.Namespace, o.Name);
    }

    public static IReadOnlyList<ResourceType> Types(JsonObject crd)
    {
        var spec = (JsonObject)crd["spec"]!;
        var names = spec["names"] as JsonObject;
        var kind = Json.Str(names, "kind")!;
        var plural = Json.Str(names, "plural")!;
        var group = Json.Str(spec, "group")!;
        return [.. (spec["versions"] as JsonArray ?? []).OfType<JsonObject>().Where(v => v["served"]?.GetValue<bool>() != false).Select(v =>
            new ResourceType(group, Json.Str(v, "name")!, plural, Json.Str(names, "singular") ?? kind.ToLowerInvariant(), kind,
                Json.Str(spec, "scope") == "Namespaced")
            {
                ShortNames = Strings(names?["shortNames"]),
                Categories = Strings(names?["categories"]),
                HasStatus = Json.At(v, "subresources.status") is not null,
                ScalePaths = Json.At(v, "subresources.scale") is JsonObject scale
                    ? new ScalePaths(Json.Str(scale, "specReplicasPath") ?? ".spec.replicas", Json.Str(scale, "statusReplicasPath") ?? ".status.replicas",
                        Json.Str(scale, "labelSelectorPath"))
                    : null,
                PrinterColumns = [.. (v["additionalPrinterColumns"] as JsonArray ?? []).OfType<JsonObject>().Select(c => new PrinterColumn(
                    Json.Str(c, "name") ?? "", Json.Str(c, "type") ?? "string", Json.Str(c, "jsonPath") ?? "",
                    (int)(Json.Long(c, "priority") ?? 0), Json.Str(c, "description") ?? "", Json.Str(c, "format") ?? ""))],
                Schema = Json.At(v, "schema.openAPIV3Schema")?.DeepClone() as JsonObject ?? new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
                IsCustom = true,
                StorageKey = $"{plural}.{group}",
            })];
    }

    private JsonObject Status(JsonObject? old, JsonObject spec, List<JsonObject> versions)
    {
        var names = spec["names"]!.DeepClone().AsObject();
        names["singular"] ??= Json.Str(names, "kind")!.ToLowerInvariant();
        names["listKind"] ??= Json.Str(names, "kind") + "List";
        var now = Json.Timestamp(time.GetUtcNow());
        var previous = (Json.At(old, "status.conditions") as JsonArray ?? []).OfType<JsonObject>().ToList();
        string Since(string t) => previous.FirstOrDefault(c => Json.Str(c, "type") == t) is { } p ? Json.Str(p, "lastTransitionTime") ?? now : now;
        var stored = (Json.At(old, "status.storedVersions") as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList();
        var storage = Json.Str(versions.First(v => v["storage"]?.GetValue<bool>() == true), "name")!;
        if (!stored.Contains(storage)) stored.Add(storage);
        return new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", Since("NamesAccepted")),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", Since("Established"))),
            ["acceptedNames"] = names,
            ["storedVersions"] = new JsonArray([.. stored.Select(s => (JsonNode)s)]),
        };
    }

    private static JsonObject Condition(string type, string reason, string message, string since) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = since,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static string[] Strings(JsonNode? node) => [.. (node as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? "")];
}
