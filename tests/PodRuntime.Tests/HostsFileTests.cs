using BackendStack.PodRuntime.Hosts;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

public sealed class HostsFileTests
{
    private static V1Pod Pod(string name, string ns, string ip, bool ready, string? subdomain = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["app"] = "redis" } },
        Spec = new V1PodSpec { Hostname = name, Subdomain = subdomain },
        Status = new V1PodStatus
        {
            PodIP = ip,
            Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }],
        },
    };

    private static V1Service Service(string name, string ns, bool publishNotReady) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "redis" }, PublishNotReadyAddresses = publishNotReady },
    };

    [Fact]
    public void ResolvesPodHostnamesHeadlessNamesAndServicesToReadyEndpoints()
    {
        V1Pod[] pods = [Pod("redis-0", "a", "127.0.0.10", ready: true, "redis"), Pod("redis-1", "a", "127.0.0.11", ready: false, "redis"), Pod("other-0", "b", "127.0.0.20", ready: true)];
        V1Service[] services = [Service("redis", "a", publishNotReady: true), Service("redis-master", "a", publishNotReady: false)];

        var lines = HostsFile.Build("a", pods, services, "cluster.local").Split('\n');

        Assert.Contains("127.0.0.10\tredis-0.redis.a.svc.cluster.local redis-0.redis.a.svc redis-0.redis.a redis-0.redis redis-0", lines);
        Assert.Contains("127.0.0.11\tredis.a.svc.cluster.local redis.a.svc redis.a redis", lines);
        Assert.Contains("127.0.0.10\tredis-master.a.svc.cluster.local redis-master.a.svc redis-master.a redis-master", lines);
        Assert.DoesNotContain("127.0.0.11\tredis-master.a.svc.cluster.local redis-master.a.svc redis-master.a redis-master", lines);
        Assert.DoesNotContain(lines, l => l.EndsWith(" other-0", StringComparison.Ordinal));
    }
}
