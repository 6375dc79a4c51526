using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>What happens to PersistentVolumeClaims when a resource is deleted or scaled down.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeletePolicy>))]
public enum DeletePolicy
{
    /// <summary>Keep the claims (and so the data); the default.</summary>
    Retain,

    /// <summary>Delete the claims together with the resource.</summary>
    Delete,
}
