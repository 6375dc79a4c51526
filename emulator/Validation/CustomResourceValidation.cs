using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Semantics;

namespace BackendStack.Emulator.Validation;

/// <summary>
/// A custom resource against its CRD's structural schema: unknown fields pruned (or refused under
/// fieldValidation=Strict), defaults applied, then types, bounds and CEL rules checked. A failure
/// rejects the whole write with 422 Invalid naming every bad field.
/// </summary>
internal sealed class CustomResourceValidation : IAdmission
{
    private readonly CelRules cel = new();

    public void Admit(ResourceType type, JsonObject obj, JsonObject? old, WriteOptions options)
    {
        if (!type.IsCustom || type.Schema is null) return;
        var pruned = new List<string>();
        SchemaPruning.Prune(obj, type.Schema, "", pruned, root: true);
        if (pruned.Count > 0 && options.Strict)
            throw StatusErrors.BadRequest(
                $"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: strict decoding error: {string.Join(", ", pruned.Select(p => $"unknown field \"{p}\""))}");
        SchemaDefaulting.Apply(obj, type.Schema);
        var errors = new List<FieldError>();
        SchemaValidator.Validate(obj, type.Schema, "", errors);
        if (errors.Count == 0) cel.Check(obj, old, type.Schema, "", errors);
        if (errors.Count > 0) throw StatusErrors.Invalid(type, Storage.Json.Str(obj, "metadata.name") ?? "", errors);
    }
}
