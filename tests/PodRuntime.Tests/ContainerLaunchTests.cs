using BackendStack.PodRuntime;
using BackendStack.PodRuntime.Images;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

public sealed class ContainerLaunchTests
{
    private static readonly RuntimeLayout Layout = new("/tmp/layout-test");

    private static LaunchPlan Plan(V1Container container, Dictionary<string, string>? annotations = null) => ContainerLaunch.Plan(
        new V1Pod { Metadata = new V1ObjectMeta { Name = "p", Annotations = annotations }, Spec = new V1PodSpec { Containers = [container] } },
        container, ImageTable.Default, Layout, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["PORT"] = "6380" });

    [Theory]
    [InlineData("redis:7.2", "redis")]
    [InlineData("docker.io/library/redis@sha256:abc", "redis")]
    [InlineData("localhost:5000/percona/percona-xtradb-cluster:8.0", "percona-xtradb-cluster")]
    [InlineData("gluster/gluster-centos:latest", "gluster")]
    public void FindsTheImageFamilyWhateverTheRegistryTagOrDigest(string image, string family) =>
        Assert.Equal(family, ImageTable.Default.Find(image)?.Name);

    [Fact]
    public void RedisBinariesGoThroughTheirShimsWithArgumentsExpandedAndOtherwiseUnchanged()
    {
        var plan = Plan(new V1Container { Name = "redis", Image = "redis:7.2", Command = ["/usr/local/bin/redis-server"], Args = ["/etc/redis/redis.conf", "--port", "$(PORT)"] });

        Assert.Equal([Path.Combine(Layout.ShimDirectory("redis"), "redis-server"), "/etc/redis/redis.conf", "--port", "6380"], plan.Argv);
        Assert.StartsWith(Layout.ShimDirectory("redis") + ":", plan.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void ArgsWithoutCommandGoThroughTheImagesEntrypoint()
    {
        var plan = Plan(new V1Container { Name = "redis", Image = "redis:7.2", Args = ["/etc/redis/sentinel.conf", "--sentinel"] });

        Assert.Equal([Path.Combine(Layout.ShimDirectory("redis"), "redis-server"), "/etc/redis/sentinel.conf", "--sentinel"], plan.Argv);
    }

    [Fact]
    public void ApplicationImageRunsTheAnnotatedLocalCommandOrStaysPending()
    {
        var container = new V1Container { Name = "web", Image = "example.com/shop:1", Command = ["/app/server"], Args = ["--port", "8080"] };

        var plan = Plan(container, new Dictionary<string, string> { [ContainerLaunch.LocalCommandAnnotation] = "exec python3 -m http.server 8080" });
        var error = Assert.Throws<NoLocalEquivalentException>(() => Plan(container));

        Assert.Equal(["/bin/sh", "-c", "exec python3 -m http.server 8080", "web", "/app/server", "--port", "8080"], plan.Argv);
        Assert.Equal("NoLocalEquivalent", error.Reason);
        Assert.Contains("example.com/shop:1", error.Message, StringComparison.Ordinal);
    }
}
