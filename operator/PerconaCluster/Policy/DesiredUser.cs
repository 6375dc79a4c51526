namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>An application user of the spec with its password from its Secret (<see cref="ToString"/> never shows it).</summary>
internal sealed record DesiredUser(string Name, IReadOnlyList<string> Databases, string Password)
{
    public override string ToString() => Name;
}
