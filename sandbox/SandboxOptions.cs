namespace BackendStack.Sandbox;

/// <summary>The sandbox's command-line options.</summary>
public sealed record SandboxOptions
{
    /// <summary>Directory for the kubeconfig, logs and Pod data (default .sandbox in the repository).</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Skip installing missing Debian packages even when running as root.</summary>
    public bool NoInstall { get; init; }

    /// <summary>Port of the API server on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Stop with exit code 0 once these resources (kind/name in the namespace) are Ready; empty keeps running.</summary>
    public IReadOnlyList<string> ExitWhenReady { get; init; } = [];

    /// <summary>Give up (exit code 1) after this long; zero waits forever.</summary>
    public TimeSpan Timeout { get; init; }

    public string Namespace { get; init; } = "shop";

    /// <summary>The ProxySQL binary for ProxySQL Pods; null: BACKENDSTACK_PROXYSQL_BINARY, /usr/bin/proxysql or ../shared/bin/proxysql.</summary>
    public string? ProxySqlBinary { get; init; }
}
