using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>The desired state of an AppTier.</summary>
[CelRule("self.role == 'worker' || has(self.port)", Message = "port is required for role web and app", FieldPath = ".port")]
[CelRule("self.role == 'worker' || !has(self.autoscaling) || !has(self.autoscaling.queue)",
    Message = "autoscaling.queue is only for role worker", FieldPath = ".autoscaling.queue")]
public sealed class AppTierSpec
{
    /// <summary>What the tier is: <c>web</c> servers, <c>app</c> servers, or <c>worker</c>s that pull jobs from a Redis queue.</summary>
    [JsonPropertyName("role")]
    [Required]
    public AppTierRole Role { get; set; }

    /// <summary>Container image of the tier.</summary>
    [JsonPropertyName("image")]
    [Required]
    [MinLength(1)]
    public string Image { get; set; } = "";

    /// <summary>Entrypoint of the container; the image's when absent.</summary>
    [JsonPropertyName("command")]
    public IList<string>? Command { get; set; }

    /// <summary>Arguments of the entrypoint; the image's when absent.</summary>
    [JsonPropertyName("args")]
    public IList<string>? Args { get; set; }

    /// <summary>Environment variables of the container, besides those the connections inject.</summary>
    [JsonPropertyName("env")]
    public IList<V1EnvVar>? Env { get; set; }

    /// <summary>Port the container serves on (web and app tiers); a Service exposes it.</summary>
    [JsonPropertyName("port")]
    [Range(1, 65535)]
    public int? Port { get; set; }

    /// <summary>Number of pods when the tier does not autoscale.</summary>
    [JsonPropertyName("replicas")]
    [Range(0, int.MaxValue)]
    [DefaultValue(1)]
    public int Replicas { get; set; } = 1;

    /// <summary>CPU and memory requests and limits of each container.</summary>
    [JsonPropertyName("resources")]
    public V1ResourceRequirements? Resources { get; set; }

    /// <summary>HTTP endpoint the readiness and liveness probes call.</summary>
    [JsonPropertyName("healthCheck")]
    public HealthCheckSpec? HealthCheck { get; set; }

    /// <summary>Seconds a pod has to finish its work after SIGTERM; set it above a worker's longest job.</summary>
    [JsonPropertyName("terminationGracePeriodSeconds")]
    [Range(0, long.MaxValue)]
    [DefaultValue(30)]
    public long TerminationGracePeriodSeconds { get; set; } = 30;

    /// <summary>Scale on CPU (an HPA) or, for workers, on the length of a Redis queue.</summary>
    [JsonPropertyName("autoscaling")]
    public AutoscalingSpec? Autoscaling { get; set; }

    /// <summary>Services the tier uses; the operator injects their endpoints and credentials.</summary>
    [JsonPropertyName("connections")]
    public ConnectionsSpec? Connections { get; set; }
}
