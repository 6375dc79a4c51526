namespace BackendStack.Operator.Api;

/// <summary>
/// A CEL rule the API server checks at admission; it becomes one entry of the schema's
/// <c>x-kubernetes-validations</c> on the type or property it is attached to.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true)]
public sealed class CelRuleAttribute(string rule) : Attribute
{
    /// <summary>The CEL expression, evaluated with <c>self</c> bound to the annotated value.</summary>
    public string Rule { get; } = rule;

    /// <summary>The error message shown when the rule evaluates to false; names the field.</summary>
    public string? Message { get; init; }

    /// <summary>The field the error is reported on, relative to <c>self</c> (for example <c>.size</c>).</summary>
    public string? FieldPath { get; init; }
}
