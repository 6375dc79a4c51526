using BackendStack.Operator.Runtime.Informers;
using k8s;

namespace BackendStack.Operator.Runtime.Hosting;

/// <summary>The manager's settings, named after controller-runtime's flags where one exists.</summary>
internal sealed record ControllerRuntimeOptions
{
    /// <summary><c>--metrics-bind-address</c>: where /metrics is served; "0" turns it off.</summary>
    public string MetricsBindAddress { get; init; } = ":8080";

    /// <summary><c>--health-probe-bind-address</c>: where /healthz and /readyz are served; "0" turns them off.</summary>
    public string HealthProbeBindAddress { get; init; } = ":8081";

    /// <summary><c>--leader-elect</c>: only the holder of the Lease runs workers; the others keep warm caches.</summary>
    public bool LeaderElect { get; init; }

    public string LeaderElectionId { get; init; } = "backendstack-operator";

    /// <summary>Namespace of the Lease; the pod's own namespace when unset.</summary>
    public string? LeaderElectionNamespace { get; init; }

    /// <summary>This instance's name in the Lease; host name plus a random suffix when unset.</summary>
    public string? Identity { get; init; }

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    public int MaxConcurrentReconciles { get; init; } = 4;

    /// <summary>
    /// How informers list, watch and resync; <see cref="InformerOptions.Namespaces"/> limits them to those namespaces,
    /// one list and watch each. The leader-election Lease stays in <see cref="ResolveLeaseNamespace"/> either way.
    /// </summary>
    public InformerOptions Informers { get; init; } = new();

    /// <summary>The API server to talk to; in-cluster or ~/.kube/config when unset.</summary>
    public KubernetesClientConfiguration? ClientConfiguration { get; init; }

    public string ResolveLeaseNamespace()
    {
        const string serviceAccountNamespace = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";
        return LeaderElectionNamespace
               ?? Environment.GetEnvironmentVariable("POD_NAMESPACE")
               ?? (File.Exists(serviceAccountNamespace) ? File.ReadAllText(serviceAccountNamespace).Trim() : "default");
    }

    public string ResolveIdentity() =>
        Identity ?? Environment.GetEnvironmentVariable("POD_NAME") ?? $"{Environment.MachineName}_{Guid.NewGuid():N}";
}
