namespace BackendStack.Operator.Api;

/// <summary>The API group and version of every kind.</summary>
public static class ApiGroup
{
    /// <summary>The API group.</summary>
    public const string Group = "backendstack.io";

    /// <summary>The API version within the group.</summary>
    public const string Version = "v1alpha1";

    /// <summary>The <c>apiVersion</c> of every object of the group.</summary>
    public const string ApiVersion = Group + "/" + Version;

    /// <summary>The finalizer added to objects with external state to clean up.</summary>
    public const string CleanupFinalizer = Group + "/cleanup";
}
