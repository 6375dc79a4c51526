using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>The one word a person reads first in <c>status.phase</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Phase>))]
public enum Phase
{
    /// <summary>Accepted, nothing created yet.</summary>
    Pending,

    /// <summary>Children are being created or scaled.</summary>
    Provisioning,

    /// <summary>Everything the spec asks for is running and healthy.</summary>
    Ready,

    /// <summary>Running, but not everything is healthy, or the spec is invalid.</summary>
    Degraded,

    /// <summary>Cannot make progress without a change by a person.</summary>
    Failed,

    /// <summary>Scaled to zero on request, data kept.</summary>
    Paused,

    /// <summary>Being deleted; external state is being cleaned up.</summary>
    Deleting,
}
