namespace BackendStack.Operator.Api;

/// <summary>Regular expressions shared by the schema of several kinds.</summary>
public static class Patterns
{
    /// <summary>A Kubernetes resource quantity such as <c>512Mi</c>, <c>10Gi</c> or <c>1.5</c>.</summary>
    public const string Quantity = @"^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";

    /// <summary>A DNS-1123 label: the name of an object in the same namespace.</summary>
    public const string ObjectName = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>A MySQL user or database name the operator manages: lower-case letters, digits and underscores, up to 32, starting with a letter.</summary>
    public const string MysqlUserName = "^[a-z][a-z0-9_]{0,31}$";
}
