using k8s.Models;

namespace BackendStack.PodRuntime.Status;

/// <summary>Everything a Pod's status is computed from.</summary>
public sealed record PodStatusInput(
    V1Pod Pod,
    IReadOnlyList<V1ContainerStatus> InitContainers,
    IReadOnlyList<V1ContainerStatus> Containers,
    string HostIP,
    DateTimeOffset StartTime,
    DateTimeOffset Now,
    V1PodStatus? Previous);
