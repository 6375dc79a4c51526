using System.Text.Json.Serialization;
using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>The status fields every kind shares.</summary>
public abstract class ResourceStatus
{
    /// <summary>The <c>metadata.generation</c> this status was computed from.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>Current conditions: <c>Ready</c>, <c>Progressing</c>, <c>Degraded</c> and the kind's own.</summary>
    [JsonPropertyName("conditions")]
    public IList<V1Condition>? Conditions { get; set; }
}
