namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>One statement the executor runs, with bound parameters (passwords) and what to log instead of the text.</summary>
internal sealed record SqlStatement(string Sql, string Description, IReadOnlyDictionary<string, string>? Parameters = null)
{
    public override string ToString() => Description;
}
