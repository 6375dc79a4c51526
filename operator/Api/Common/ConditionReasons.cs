namespace BackendStack.Operator.Api;

/// <summary>Condition reasons shared by every kind.</summary>
public static class ConditionReasons
{
    /// <summary>The spec breaks a rule the CRD schema cannot express; the message names the field.</summary>
    public const string InvalidSpec = "InvalidSpec";
}
