using System.Collections.Concurrent;
using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Builders;
using k8s;
using k8s.Models;

namespace BackendStack.Tests.Redis;

/// <summary>
/// Plays the kubelet for the redis image: for every Redis or sentinel pod the emulator runs (it
/// gives each a loopback IP), starts a real redis-server or redis-sentinel on that IP with the
/// operator's ConfigMap and the password from its Secret, doing what the start script does
/// (announce the pod IP, add auth, start as replica of the master the sentinels name). Pods that
/// go away, or are replaced by a pod of the same name, are killed (each pod gets a fresh data
/// directory, as an emptyDir); everything is killed on dispose.
/// </summary>
internal sealed class RedisPodRunner : IAsyncDisposable
{
    private readonly IKubernetes client;
    private readonly string ns;
    private readonly string instance;
    private readonly string root = Path.Combine(Path.GetTempPath(), "backendstack-pods-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly ConcurrentDictionary<string, PodServerProcess> running = new();
    private readonly ConcurrentDictionary<string, string> uids = new();
    private readonly ConcurrentQueue<string> stopped = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public RedisPodRunner(IKubernetes client, string ns, string instance)
    {
        this.client = client;
        this.ns = ns;
        this.instance = instance;
        loop = Task.Run(() => RunAsync(stop.Token));
    }

    public PodServerProcess Process(string pod) => running[pod];

    /// <summary>The pods whose server was stopped because the pod was deleted, in that order.</summary>
    public IReadOnlyList<string> Stopped => [.. stopped];

    /// <summary>The pods that have a server process, by name.</summary>
    public IReadOnlyCollection<string> Pods => [.. running.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Starts a killed pod's server again (a container restart: same pod, same IP, same data directory).</summary>
    public async Task RestartAsync(string pod)
    {
        var process = running[pod];
        if (process.Executable == "redis-server")
        {
            await File.AppendAllTextAsync(process.ConfigPath, await ReplicaOfLineAsync(process.Host) ?? "");
        }

        await process.StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var process in running.Values)
        {
            await process.DisposeAsync();
        }

        stop.Dispose();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(cancellationToken);
            }
            catch (k8s.Autorest.HttpOperationException)
            {
                // The ConfigMap or Secret is not there yet; the next round starts the pod.
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        var pods = (await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: $"app.kubernetes.io/instance={instance}", cancellationToken: cancellationToken)).Items
            .Where(p => p.Metadata.DeletionTimestamp is null && p.Status?.PodIP is not null)
            .ToDictionary(p => p.Metadata.Name);
        foreach (var gone in running.Keys.Where(k => !pods.TryGetValue(k, out var pod) || pod.Metadata.Uid != uids[k]).ToList())
        {
            if (running.TryRemove(gone, out var process))
            {
                stopped.Enqueue(gone);
                await process.DisposeAsync();
            }
        }

        foreach (var pod in pods.Values.Where(p => !running.ContainsKey(p.Metadata.Name)))
        {
            var process = await CreateAsync(pod, cancellationToken);
            uids[pod.Metadata.Name] = pod.Metadata.Uid;
            running[pod.Metadata.Name] = process;
            await process.StartAsync(cancellationToken);
        }
    }

    private async Task<PodServerProcess> CreateAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        var names = new RedisFailoverNames(instance);
        var password = await PasswordAsync(cancellationToken);
        var ip = pod.Status.PodIP;
        var directory = Path.Combine(root, $"{pod.Metadata.Name}-{pod.Metadata.Uid}");
        if (pod.GetLabel("app.kubernetes.io/component") == RedisFailoverLabels.SentinelComponent)
        {
            var conf = (await client.CoreV1.ReadNamespacedConfigMapAsync(names.SentinelConfigMap, ns, cancellationToken: cancellationToken)).Data[ConfigMapBuilder.SentinelConfKey];
            return new PodServerProcess("redis-sentinel", ip, RedisFailoverNames.SentinelPort, directory, [.. Lines(conf), $"sentinel announce-ip {ip}", $"requirepass \"{password}\""]);
        }

        var redisConf = (await client.CoreV1.ReadNamespacedConfigMapAsync(names.RedisConfigMap, ns, cancellationToken: cancellationToken)).Data[ConfigMapBuilder.RedisConfKey];
        List<string> lines = [.. Lines(redisConf), $"replica-announce-ip {ip}", $"bind-source-addr {ip}", $"requirepass \"{password}\"", $"masterauth \"{password}\""];
        if (await ReplicaOfLineAsync(ip) is { } replicaOf)
        {
            lines.Add(replicaOf.TrimEnd());
        }

        return new PodServerProcess("redis-server", ip, RedisFailoverNames.RedisPort, directory, lines);
    }

    /// <summary>What the start script asks the sentinels: the current master, unless it is this pod.</summary>
    private async Task<string?> ReplicaOfLineAsync(string ip)
    {
        var sentinels = running.Values.Where(p => p.Executable == "redis-sentinel" && p.IsRunning).ToList();
        if (sentinels.Count == 0)
        {
            return null;
        }

        await using var pool = new RedisConnectionPool(await PasswordAsync(CancellationToken.None), TimeSpan.FromSeconds(1));
        var client = new SentinelClient(pool);
        foreach (var sentinel in sentinels)
        {
            try
            {
                if (await client.GetMasterAddressAsync(new RedisEndpoint(sentinel.Host, sentinel.Port), instance, CancellationToken.None) is { } master)
                {
                    return master.Host == ip ? null : $"\nreplicaof {master.Host} {master.Port}\n";
                }
            }
            catch (StackExchange.Redis.RedisException)
            {
                // Ask the next sentinel.
            }
        }

        return null;
    }

    private async Task<string> PasswordAsync(CancellationToken cancellationToken)
    {
        var secret = await client.CoreV1.ReadNamespacedSecretAsync(new RedisFailoverNames(instance).DefaultAuthSecret, ns, cancellationToken: cancellationToken);
        return System.Text.Encoding.UTF8.GetString(secret.Data[RedisFailoverNames.PasswordKey]);
    }

    private static IEnumerable<string> Lines(string conf) =>
        conf.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'));
}
