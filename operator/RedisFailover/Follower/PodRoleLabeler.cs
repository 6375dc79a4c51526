using System.Text.Json;
using BackendStack.Operator.RedisFailovers.Builders;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.RedisFailovers.Follower;

/// <summary>Lists a RedisFailover's Redis pods and writes their role labels with merge patches.</summary>
internal sealed class PodRoleLabeler(IKubernetes client)
{
    public async Task<IReadOnlyList<V1Pod>> ListRedisPodsAsync(string ns, string instance, CancellationToken cancellationToken)
    {
        var selector = RedisFailoverLabels.SelectorString(instance, RedisFailoverLabels.RedisComponent);
        var list = await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. list.Items];
    }

    /// <summary>
    /// Applies the label changes: replicas first (together), then the master, so the master
    /// Service never selects two pods, not even for the milliseconds between the patches.
    /// </summary>
    public async Task ApplyAsync(string ns, IReadOnlyList<(string Pod, string Role)> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await Task.WhenAll(changes.Where(c => c.Role != RedisFailoverLabels.MasterRole).Select(c => PatchAsync(ns, c.Pod, c.Role, cancellationToken))).ConfigureAwait(false);
        foreach (var (pod, role) in changes.Where(c => c.Role == RedisFailoverLabels.MasterRole))
        {
            await PatchAsync(ns, pod, role, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<V1Pod> PatchAsync(string ns, string pod, string role, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { metadata = new { labels = new Dictionary<string, string> { [RedisFailoverLabels.Role] = role } } });
        return client.CoreV1.PatchNamespacedPodAsync(new V1Patch(body, V1Patch.PatchType.MergePatch), pod, ns, cancellationToken: cancellationToken);
    }
}
