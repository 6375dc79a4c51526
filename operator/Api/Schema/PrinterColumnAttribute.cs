namespace BackendStack.Operator.Api;

/// <summary>
/// A column <c>kubectl get</c> prints for a kind, besides the READY, PHASE and AGE columns
/// every kind has. Columns are listed in the order of their <see cref="Order"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(int order, string name, string jsonPath) : Attribute
{
    /// <summary>Position among the kind's own columns.</summary>
    public int Order { get; } = order;

    /// <summary>Column header.</summary>
    public string Name { get; } = name;

    /// <summary>JSONPath of the value, relative to the object.</summary>
    public string JsonPath { get; } = jsonPath;

    /// <summary>OpenAPI type of the value: string, integer, number, boolean or date.</summary>
    public string Type { get; init; } = "string";

    /// <summary>What the column shows.</summary>
    public string? Description { get; init; }
}
