namespace BackendStack.Operator.Hosting;

/// <summary>The command-line options of the operator process.</summary>
public sealed record OperatorOptions
{
    /// <summary>Path of a kubeconfig file; when null, KUBECONFIG, ~/.kube/config or the in-cluster config is used.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The <c>--namespace</c> value: one namespace or a comma-separated list; null watches all namespaces.</summary>
    public string? Namespace { get; init; }

    /// <summary>The namespaces to watch, each with informers of its own (<see cref="NamespaceList.Parse"/>); empty: all namespaces.</summary>
    public IReadOnlyList<string> Namespaces => NamespaceList.Parse(Namespace);

    /// <summary>Where /metrics is served, as <c>host:port</c> or <c>:port</c>; <c>0</c> disables it.</summary>
    public string MetricsBindAddress { get; init; } = ":8080";

    /// <summary>Where /healthz and /readyz are served, as <c>host:port</c> or <c>:port</c>.</summary>
    public string HealthProbeBindAddress { get; init; } = ":8081";

    /// <summary>Whether to elect a leader so only one replica reconciles at a time.</summary>
    public bool LeaderElect { get; init; }
}
