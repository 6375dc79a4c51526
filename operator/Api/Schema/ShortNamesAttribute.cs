namespace BackendStack.Operator.Api;

/// <summary>The short names <c>kubectl</c> accepts for a kind (for example <c>rf</c>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortNamesAttribute(params string[] names) : Attribute
{
    /// <summary>The short names, in the order they are listed in the CRD.</summary>
    public IReadOnlyList<string> Names { get; } = names;
}
