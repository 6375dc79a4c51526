using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackendStack.Operator.Runtime.Hosting;

/// <summary>/readyz: ready once every informer has listed its kind.</summary>
internal sealed class CachesSyncedCheck(ControllerManager manager) : IHealthCheck
{
    public const string ReadinessTag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(manager.CachesSynced ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("caches not synced"));
}
