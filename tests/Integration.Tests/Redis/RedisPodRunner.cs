using System.Collections.Concurrent;
using System.Text;
using BackendStack.PodRuntime;
using BackendStack.PodRuntime.Hosts;
using BackendStack.PodRuntime.Images;
using BackendStack.PodRuntime.Volumes;
using k8s;
using k8s.Models;

namespace BackendStack.Tests.Redis;

/// <summary>
/// Plays the kubelet for the redis image: every Redis or sentinel pod of one RedisFailover that the emulator runs (it
/// gives each a loopback IP) gets its container started as <see cref="PodServerProcess"/> describes: the operator's own
/// start script from the ConfigMap the StatefulSet mounts, with the environment, volumes, shims and hosts file of the
/// local pod runtime (the runtime's own code builds them), so a pod here starts exactly as it ships, including a
/// restarted master's wait for a failover. Pods that go away, or are replaced by a pod of the same name, are killed
/// (each pod gets fresh emptyDir volumes); everything is killed on dispose.
/// </summary>
internal sealed class RedisPodRunner : IAsyncDisposable
{
    /// <summary>The runtime's default cluster domain.</summary>
    private static readonly string ClusterDomain = new LocalPodRuntimeOptions { RootDirectory = "." }.ClusterDomain;

    private readonly IKubernetes client;
    private readonly string ns;
    private readonly string instance;
    private readonly RuntimeLayout layout = new(Path.Combine(Path.GetTempPath(), "backendstack-pods-" + Guid.NewGuid().ToString("N")[..12]));
    private readonly ConcurrentDictionary<string, PodServerProcess> running = new();
    private readonly ConcurrentDictionary<string, string> uids = new();
    private readonly ConcurrentQueue<(string Pod, string Host, DateTime At)> stopped = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private string hosts = "";

    public RedisPodRunner(IKubernetes client, string ns, string instance)
    {
        this.client = client;
        this.ns = ns;
        this.instance = instance;
        loop = Task.Run(() => RunAsync(stop.Token));
    }

    public PodServerProcess Process(string pod) => running[pod];

    /// <summary>The pods whose server was stopped because the pod was deleted, in that order.</summary>
    public IReadOnlyList<string> Stopped => [.. stopped.Select(s => s.Pod)];

    /// <summary>The same stops with the pod's address and when its server was killed (UTC).</summary>
    public IReadOnlyList<(string Pod, string Host, DateTime At)> Stops => [.. stopped];

    /// <summary>The pods that have a server process, by name.</summary>
    public IReadOnlyCollection<string> Pods => [.. running.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Starts a killed pod's container again (a container restart: same pod, same IP, same volumes, the start script from the top).</summary>
    public Task RestartAsync(string pod)
    {
        running[pod].Start();
        return Task.CompletedTask;
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
            Directory.Delete(layout.Root, recursive: true);
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
                // The API did not answer this round; the next one catches up.
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        var cluster = await PodClusterSnapshot.LoadAsync(client, ns, cancellationToken);
        WriteHostsFile(cluster);
        var pods = cluster.ListPods()
            .Where(p => p.GetLabel("app.kubernetes.io/instance") == instance && p.Metadata.DeletionTimestamp is null && p.Status?.PodIP is not null)
            .ToDictionary(p => p.Metadata.Name);
        foreach (var gone in running.Keys.Where(k => !pods.TryGetValue(k, out var pod) || pod.Metadata.Uid != uids[k]).ToList())
        {
            if (running.TryRemove(gone, out var process))
            {
                await process.DisposeAsync();
                stopped.Enqueue((gone, process.Host, DateTime.UtcNow));
            }
        }

        foreach (var pod in pods.Values.Where(p => !running.ContainsKey(p.Metadata.Name)))
        {
            PodServerProcess process;
            try
            {
                process = Create(pod, cluster);
            }
            catch (Exception e) when (e is ContainerConfigException or VolumeSourceException)
            {
                // The ConfigMap, Secret or claim is not there yet: the kubelet waits too, and the next round starts the pod.
                continue;
            }

            uids[pod.Metadata.Name] = pod.Metadata.Uid;
            running[pod.Metadata.Name] = process;
            process.Start();
        }
    }

    private PodServerProcess Create(V1Pod pod, PodClusterSnapshot cluster)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("pods run their Linux start scripts");
        }

        var container = pod.Spec.Containers.Single();
        var key = PodKey.Of(pod);
        var volumes = new PodVolumes(pod, layout, cluster).Prepare();
        var mounts = ContainerMounts.For(pod, container, volumes);
        RewriteConfigMapVolumes(pod, cluster, volumes, mounts);
        var env = ContainerEnvironment.Build(pod, container, cluster);
        var plan = ContainerLaunch.Plan(pod, container, ImageTable.Default, layout, env);
        var resolving = HostCommandShims.Write(layout, ImageTable.Default.Find(container.Image)!, layout.HostsFile(ns));
        env["PATH"] = $"{resolving}:{plan.Path}";
        env[LocalImage.PodIPVariable] = pod.Status.PodIP;
        return new PodServerProcess(
            pod.Status.PodIP,
            container.Ports[0].ContainerPort,
            [.. plan.Argv.Select(a => MountPathRewrite.Apply(a, mounts))],
            env,
            layout.PodDirectory(key, pod.Metadata.Uid),
            layout.LogPath(key, pod.Metadata.Uid, container.Name, 0));
    }

    /// <summary>ConfigMap volumes as the runtime projects them, with the mount paths their files name rewritten (the start script copies /etc/redis/redis.conf to /data).</summary>
    private static void RewriteConfigMapVolumes(V1Pod pod, PodClusterSnapshot cluster, IReadOnlyDictionary<string, string> volumes, IReadOnlyList<BindMount> mounts)
    {
        foreach (var volume in pod.Spec.Volumes.Where(v => v.ConfigMap is not null))
        {
            var configMap = cluster.GetConfigMap(PodKey.Of(pod).Namespace, volume.ConfigMap.Name) ?? throw new VolumeSourceException($"configmap \"{volume.ConfigMap.Name}\" not found");
            var files = VolumeFiles.FromConfigMap(configMap, volume.ConfigMap)
                .Select(f => f with { Content = Encoding.UTF8.GetBytes(MountPathRewrite.Apply(Encoding.UTF8.GetString(f.Content), mounts)) })
                .ToList();
            AtomicVolumeWriter.Write(volumes[volume.Name], files);
        }
    }

    /// <summary>The namespace's hosts file, as the runtime writes it (Service names lead to their ready Pods).</summary>
    private void WriteHostsFile(PodClusterSnapshot cluster)
    {
        var text = HostsFile.Build(ns, cluster.ListPods(), cluster.ListServices(), ClusterDomain);
        if (text == hosts)
        {
            return;
        }

        var path = layout.HostsFile(ns);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
        hosts = text;
    }
}
