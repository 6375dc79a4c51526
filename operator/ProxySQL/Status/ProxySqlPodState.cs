namespace BackendStack.Operator.ProxySQLs.Status;

/// <summary>What one reconcile saw of one ProxySQL pod: whether the kubelet reports it Ready, and whether its runtime configuration is as desired (else why not).</summary>
internal sealed record ProxySqlPodState(string Pod, bool Ready, bool Configured, string? Problem);
