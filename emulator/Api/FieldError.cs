namespace BackendStack.Emulator.Api;

/// <summary>One field error of a 422 Invalid, rendered like k8s.io/apimachinery's field.Error.</summary>
internal sealed record FieldError(string Field, string Reason, string Detail)
{
    public static FieldError Required(string field, string detail = "") =>
        new(field, "FieldValueRequired", detail.Length == 0 ? "Required value" : $"Required value: {detail}");

    public static FieldError Invalid(string field, string renderedValue, string detail) =>
        new(field, "FieldValueInvalid", $"Invalid value: {renderedValue}: {detail}");

    public static FieldError NotSupported(string field, string renderedValue, IEnumerable<string> supported) =>
        new(field, "FieldValueNotSupported", $"Unsupported value: {renderedValue}: supported values: {string.Join(", ", supported)}");

    public static FieldError Forbidden(string field, string detail) => new(field, "FieldValueForbidden", $"Forbidden: {detail}");

    public override string ToString() => $"{Field}: {Detail}";
}
