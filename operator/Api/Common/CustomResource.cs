using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>
/// What every kind of the API has: apiVersion, kind, metadata, spec and status. A new object
/// has an empty spec and status with the defaults of the CRD schema filled in.
/// </summary>
/// <typeparam name="TSpec">The desired state.</typeparam>
/// <typeparam name="TStatus">The observed state.</typeparam>
public abstract class CustomResource<TSpec, TStatus> : IKubernetesObject<V1ObjectMeta>, ISpec<TSpec>, IStatus<TStatus>
    where TSpec : new()
    where TStatus : new()
{
    /// <summary>The API group of every kind.</summary>
    public const string Group = ApiGroup.Group;

    /// <summary>The API version of every kind.</summary>
    public const string Version = ApiGroup.Version;

    /// <summary>An object of the given kind.</summary>
    protected CustomResource(string kind) => Kind = kind;

    /// <summary>APIVersion of the object: backendstack.io/v1alpha1.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    /// <summary>Kind of the object.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; }

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired state.</summary>
    [JsonPropertyName("spec")]
    public TSpec Spec { get; set; } = new();

    /// <summary>The observed state, written by the operator.</summary>
    [JsonPropertyName("status")]
    public TStatus Status { get; set; } = new();
}
