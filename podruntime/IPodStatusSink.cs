using k8s.Models;

namespace BackendStack.PodRuntime;

/// <summary>Receives a Pod's status whenever it changes (the kubelet's status manager writes it to the API).</summary>
public interface IPodStatusSink
{
    Task ReportAsync(PodKey pod, string uid, V1PodStatus status, CancellationToken cancellationToken);
}
