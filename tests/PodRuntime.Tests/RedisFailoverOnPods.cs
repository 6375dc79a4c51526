using BackendStack.Operator.Api;
using k8s;
using k8s.Models;
using RedisFailoverResource = BackendStack.Operator.Api.RedisFailover;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// The one RedisFailover the Pod scenarios run ("cache" in "shop") on an <see cref="OperatorOnLocalPods"/>:
/// how to start the stack for it, create, change and read it, and reach its servers.
/// </summary>
internal static class RedisFailoverOnPods
{
    public const string Ns = "shop";
    public const string Name = "cache";

    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Starts the stack. A crashed container comes back after <paramref name="restartDelay"/> (200 ms when null, quicker
    /// than a kubelet): a master back that fast answers before Sentinel's down-after-milliseconds (1 s here), so only
    /// the start script's wait for a failover keeps its replicas from resyncing from what it reloaded.
    /// </summary>
    public static Task<OperatorOnLocalPods> StartAsync(TimeSpan? restartDelay = null) => OperatorOnLocalPods.StartAsync(Ns, restartDelay);

    /// <summary>Creates the resource and waits until it is Ready.</summary>
    public static async Task<RedisFailoverResource> CreateReadyAsync(OperatorOnLocalPods stack, int replicas = 3)
    {
        var resource = new RedisFailoverResource { Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Ns } };
        resource.Spec.Redis.Replicas = replicas;
        resource.Spec.Redis.Storage = new StorageSpec { Size = "1Gi" };
        resource.Spec.Sentinel.DownAfterMilliseconds = 1000;
        resource.Spec.Sentinel.FailoverTimeout = 3000;
        await stack.Client.CustomObjects.CreateNamespacedCustomObjectAsync(resource, RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural);
        var ready = await ReadyAsync(stack, replicas);
        await AssertNoContainerRestartedAsync(stack.Client);
        return ready;
    }

    /// <summary>A bootstrap crashes no container: the scenarios count the restarts their faults cause from zero.</summary>
    public static async Task AssertNoContainerRestartedAsync(Kubernetes client)
    {
        foreach (var pod in (await client.CoreV1.ListNamespacedPodAsync(Ns)).Items)
        {
            foreach (var status in pod.Status.ContainerStatuses ?? [])
            {
                if (status.RestartCount > 0)
                {
                    Assert.Fail($"{pod.Metadata.Name}/{status.Name} restarted {status.RestartCount} times during the bootstrap; last end: "
                        + $"{KubernetesJson.Serialize(status.LastState)}\nits log:\n{await LogAsync(client, pod.Metadata.Name, status.Name, previous: true)}");
                }
            }
        }
    }

    /// <summary>Merge-patches <c>spec.redis</c> with <paramref name="redis"/>.</summary>
    public static Task PatchRedisAsync(Kubernetes client, object redis) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(new { spec = new { redis } }, V1Patch.PatchType.MergePatch),
            RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural, Name);

    public static Task DeleteAsync(Kubernetes client) =>
        client.CustomObjects.DeleteNamespacedCustomObjectAsync(RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural, Name);

    public static Task<RedisFailoverResource> GetAsync(Kubernetes client) =>
        client.CustomObjects.GetNamespacedCustomObjectAsync<RedisFailoverResource>(RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural, Name);

    /// <summary>Waits for Ready with every Redis and Sentinel Pod ready and all three sentinels agreeing.</summary>
    public static Task<RedisFailoverResource> ReadyAsync(OperatorOnLocalPods stack, int redis, Func<RedisFailoverResource, bool>? and = null) =>
        Eventually.ValueAsync(() => GetAsync(stack.Client),
            rf => rf.Status is { Phase: Phase.Ready, Master.Ip: not null, Redis: { } r, Sentinels.Agreeing: 3 } && r.Ready == redis && r.Total == redis && (and?.Invoke(rf) ?? true),
            $"Ready with {redis} redis Pods", WaitLimit, () => stack.LogTail());

    /// <summary>The Pods of one component ("redis" or "sentinel"), by name.</summary>
    public static async Task<IReadOnlyList<V1Pod>> PodsAsync(Kubernetes client, string component) =>
        [.. (await client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: $"app.kubernetes.io/instance={Name},app.kubernetes.io/component={component}"))
            .Items.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)];

    /// <summary>A container's log (<c>kubectl logs</c>), of the run before the current one when <paramref name="previous"/>.</summary>
    public static async Task<string> LogAsync(Kubernetes client, string pod, string container, bool previous = false, int? tailLines = null)
    {
        using var reader = new StreamReader(await client.CoreV1.ReadNamespacedPodLogAsync(pod, Ns, container, previous: previous, tailLines: tailLines));
        return await reader.ReadToEndAsync();
    }

    /// <summary>The distinct master addresses the sentinel Pods name (one element once they agree; null for a sentinel that names none).</summary>
    public static async Task<IReadOnlyList<string?>> SentinelMastersAsync(Kubernetes client, string password) =>
        [.. (await Task.WhenAll((await PodsAsync(client, "sentinel")).Select(s => RedisCommand.SentinelMasterIpAsync(s.Status.PodIP, password, Name)))).Distinct()];

    /// <summary>The one address behind the master Service (its Endpoints, as a Service proxy would route).</summary>
    public static async Task<string?> MasterEndpointAsync(Kubernetes client)
    {
        var endpoints = await client.CoreV1.ListNamespacedEndpointsAsync(Ns, fieldSelector: $"metadata.name={Name}-redis-master");
        var addresses = endpoints.Items.SelectMany(e => e.Subsets ?? []).SelectMany(s => s.Addresses ?? []).Select(a => a.Ip).ToList();
        return addresses.Count == 1 ? addresses[0] : null;
    }

    public static async Task<string> PasswordAsync(Kubernetes client) =>
        System.Text.Encoding.UTF8.GetString((await client.CoreV1.ReadNamespacedSecretAsync($"{Name}-redis-auth", Ns)).Data["password"]);
}
