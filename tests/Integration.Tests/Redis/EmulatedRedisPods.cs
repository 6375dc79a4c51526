using BackendStack.Operator.RedisFailovers.Builders;
using k8s;
using k8s.Models;

namespace BackendStack.Tests.Redis;

/// <summary>
/// Pod objects in the emulated API for the processes of a <see cref="RedisTopology"/>: one
/// rf-redis-N per redis-server with status.podIP set to its loopback address, labelled as the
/// StatefulSet's pods are. (The harness creates the pods itself; the processes are real.)
/// </summary>
internal static class EmulatedRedisPods
{
    public static async Task CreateAsync(IKubernetes client, string ns, string instance, RedisTopology topology, int masterIndex)
    {
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        var names = new RedisFailoverNames(instance);
        for (var i = 0; i < topology.Redis.Count; i++)
        {
            var labels = RedisFailoverLabels.For(instance, RedisFailoverLabels.RedisComponent);
            labels[RedisFailoverLabels.Role] = i == masterIndex ? RedisFailoverLabels.MasterRole : RedisFailoverLabels.ReplicaRole;
            var pod = await client.CoreV1.CreateNamespacedPodAsync(
                new V1Pod
                {
                    Metadata = new V1ObjectMeta { Name = names.RedisPod(i), Labels = labels },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "redis", Image = "redis:7.2" }] },
                },
                ns);
            pod.Status = new V1PodStatus { Phase = "Running", PodIP = topology.Redis[i].Host, PodIPs = [new V1PodIP { Ip = topology.Redis[i].Host }] };
            await client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, pod.Metadata.Name, ns);
        }
    }

    /// <summary>Names of the pods labelled master.</summary>
    public static async Task<IReadOnlyList<string>> MastersAsync(IKubernetes client, string ns)
    {
        var pods = await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: $"{RedisFailoverLabels.Role}={RedisFailoverLabels.MasterRole}");
        return [.. pods.Items.Select(p => p.Metadata.Name)];
    }
}
