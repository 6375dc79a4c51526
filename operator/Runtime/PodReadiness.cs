using k8s.Models;

namespace BackendStack.Operator.Runtime;

/// <summary>Whether a pod is Ready, as the kubelet reports it in the pod's conditions (what Services and PDBs count).</summary>
internal static class PodReadiness
{
    public static bool IsReady(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;
    }
}
