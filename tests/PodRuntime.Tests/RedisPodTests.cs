using BackendStack.PodRuntime;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

public sealed class RedisPodTests
{
    private static V1Pod RedisPod(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1PodSpec
        {
            Hostname = name,
            TerminationGracePeriodSeconds = 5,
            Volumes =
            [
                new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = "redis-config" } },
                PodBuilder.EmptyDir("data"),
            ],
            Containers =
            [
                new V1Container
                {
                    Name = "redis",
                    Image = "redis:7.2",
                    Command = ["redis-server", "/etc/redis/redis.conf"],
                    Ports = [new V1ContainerPort { Name = "redis", ContainerPort = 6379 }],
                    VolumeMounts = [PodBuilder.Mount("config", "/etc/redis"), PodBuilder.Mount("data", "/data")],
                    // Exec inside the Pod: redis-cli reaches the server by the Pod's hostname from /etc/hosts.
                    ReadinessProbe = PodBuilder.Exec("sh", "-c", "redis-cli -h \"$(hostname)\" ping | grep -q PONG"),
                    LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "redis" }, PeriodSeconds = 1 },
                },
            ],
        },
    };

    [Fact]
    public async Task RedisPodWithConfigMapServesPingOnItsPodIPOnly()
    {
        await using var harness = new RuntimeHarness();
        harness.Cluster.Put(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "redis-config", NamespaceProperty = "test" },
            // bind 0.0.0.0 as a manifest for a cluster would say: the runtime's adaptation keeps it on the Pod IP.
            Data = new Dictionary<string, string> { ["redis.conf"] = "port 6379\nbind 0.0.0.0\ndir /data\nsave \"\"\nappendonly no\n" },
        });
        var pod = RedisPod("redis-0");
        var key = harness.Run(pod);

        var status = await harness.WaitReadyAsync(key);

        var ip = pod.Status.PodIP;
        Assert.Equal("Running", status.Phase);
        Assert.StartsWith("+PONG", await RespClient.CommandAsync(ip, 6379, "PING"));
        Assert.Contains(ip, await RespClient.CommandAsync(ip, 6379, "CONFIG GET bind"));
        Assert.Contains("/data", await RespClient.CommandAsync(ip, 6379, "CONFIG GET dir"));
        var pid = harness.Runtime.GetContainerPid(key, "redis")!.Value;
        Assert.Equal("redis-server", File.ReadAllText($"/proc/{pid}/comm").Trim());
        Assert.True(ListenAddresses(6379).All(a => a.StartsWith("127.", StringComparison.Ordinal)));
    }

    /// <summary>Addresses listening on <paramref name="port"/> (IPv4) according to /proc/net/tcp.</summary>
    private static List<string> ListenAddresses(int port)
    {
        var hexPort = port.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        return [.. File.ReadAllLines("/proc/net/tcp").Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f[3] == "0A" && f[1].EndsWith(":" + hexPort, StringComparison.Ordinal))
            .Select(f => Convert.FromHexString(f[1][..8]).Reverse().Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Select(octets => string.Join('.', octets))];
    }
}
