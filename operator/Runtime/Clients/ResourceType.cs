namespace BackendStack.Operator.Runtime.Clients;

/// <summary>Where a kind lives in the API: what owner references, events and URLs need.</summary>
internal sealed record ResourceType(string Group, string Version, string Plural, string Kind)
{
    public string ApiVersion => string.IsNullOrEmpty(Group) ? Version : $"{Group}/{Version}";

    public override string ToString() => string.IsNullOrEmpty(Group) ? Plural : $"{Plural}.{Group}";
}
