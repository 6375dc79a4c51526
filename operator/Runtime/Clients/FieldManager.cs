namespace BackendStack.Operator.Runtime.Clients;

/// <summary>The field manager every write of the operator is recorded under.</summary>
internal static class FieldManager
{
    public const string Name = "backendstack-operator";
}
