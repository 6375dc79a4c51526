namespace BackendStack.Operator.Api;

/// <summary>
/// Marks a free-form value whose content the API server must keep as it is
/// (<c>x-kubernetes-preserve-unknown-fields</c>); use it only where a free-form value is meant.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PreserveUnknownFieldsAttribute : Attribute;
