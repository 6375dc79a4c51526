using BackendStack.PodRuntime.Probes;
using Microsoft.Extensions.Logging;

namespace BackendStack.PodRuntime;

/// <summary>What every Pod worker of one runtime uses.</summary>
internal sealed record RuntimeServices(
    string RuntimeId,
    LocalPodRuntimeOptions Options,
    RuntimeLayout Layout,
    IPodClusterView Cluster,
    IPodStatusSink Sink,
    ProbeRunner Probes,
    ILogger Logger,
    Func<string, Task> EnsureHostsAsync);
