using BackendStack.PodRuntime.Probes;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.PodRuntime;

/// <summary>What the containers of one Pod share.</summary>
internal sealed class PodContext
{
    public required V1Pod Pod { get; init; }

    public required string RuntimeId { get; init; }

    public required LocalPodRuntimeOptions Options { get; init; }

    public required RuntimeLayout Layout { get; init; }

    public required IPodClusterView Cluster { get; init; }

    public required ProbeRunner Probes { get; init; }

    public required ILogger Logger { get; init; }

    /// <summary>Called whenever a container's status changes.</summary>
    public required Action Changed { get; init; }

    public PodKey Key => PodKey.Of(Pod);

    public string Uid => Pod.Metadata.Uid ?? "";

    public string PodIP => Pod.Status?.PodIP ?? "";

    public IReadOnlyDictionary<string, string> VolumePaths { get; set; } = new Dictionary<string, string>();

    public DateTimeOffset Now => Options.Time.GetUtcNow();

    public TimeSpan GracePeriod => TimeSpan.FromSeconds(Pod.Spec.TerminationGracePeriodSeconds ?? 30);

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        Task.Delay(delay, Options.Time, cancellationToken);
}
