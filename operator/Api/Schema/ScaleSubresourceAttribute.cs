namespace BackendStack.Operator.Api;

/// <summary>
/// Enables the <c>scale</c> subresource of a kind, so <c>kubectl scale</c> and autoscalers work on it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ScaleSubresourceAttribute(string specReplicasPath, string statusReplicasPath) : Attribute
{
    /// <summary>JSONPath of the desired replica count in the spec.</summary>
    public string SpecReplicasPath { get; } = specReplicasPath;

    /// <summary>JSONPath of the observed replica count in the status.</summary>
    public string StatusReplicasPath { get; } = statusReplicasPath;

    /// <summary>JSONPath of the status field holding the pods' label selector as a string.</summary>
    public string? LabelSelectorPath { get; init; }
}
