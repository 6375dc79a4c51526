using k8s;
using k8s.Models;

namespace BackendStack.PodRuntime.ApiServer;

/// <summary>Writes Pod status through the status subresource, only for the Pod (uid) the runtime runs.</summary>
internal sealed class ApiStatusWriter(IKubernetes client, ApiClusterView cluster) : IPodStatusSink
{
    public async Task ReportAsync(PodKey pod, string uid, V1PodStatus status, CancellationToken cancellationToken)
    {
        if (cluster.Pods.Get(pod.Namespace, pod.Name)?.Metadata.Uid != uid)
        {
            return;
        }

        var patch = new V1Patch(KubernetesJson.Serialize(new { status }), V1Patch.PatchType.MergePatch);
        await client.CoreV1.PatchNamespacedPodStatusAsync(patch, pod.Name, pod.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
