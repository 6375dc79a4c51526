using System.Diagnostics;
using System.Net;
using BackendStack.Emulator.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Xunit.Abstractions;

namespace BackendStack.Emulator.Tests.Faults;

/// <summary>Injected failures, latency and request counters, as operator tests use them.</summary>
public sealed class FaultInjectionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(409, "Conflict")]
    [InlineData(429, "TooManyRequests")]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task FailNextAnswersTheNextMatchingRequestsAndNothingIsStored(int code, string reason)
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Host.Faults.FailNext(2, "create", "configmaps", code);
        for (var i = 0; i < 2; i++)
        {
            var error = await Assert.ThrowsAsync<HttpOperationException>(() => scope.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("c"), "default"));
            Assert.Equal((HttpStatusCode)code, error.Response.StatusCode);
            Assert.Contains($"\"reason\":\"{reason}\"", error.Response.Content);
        }
        Assert.Empty((await scope.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Items);
        await scope.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("c"), "default");
        Assert.Equal(2, scope.Host.Requests.Count("create", "configmaps", code));
        Assert.Equal(1, scope.Host.Requests.Count("create", "configmaps", 201));
        Assert.Equal(3, scope.Host.Requests.Count("create"));
    }

    [Fact]
    public async Task FailuresMatchOnlyTheirVerbAndSubresource()
    {
        await using var scope = await EmulatorScope.StartAsync();
        await scope.CreateWidgetCrdAsync();
        await Client.CustomResourceClientTests.CreateAsync(scope, "w1", 3);
        scope.Host.Faults.FailNext(1, "patch", "widgets/status", 500);
        var patch = new V1Patch("""{"status":{"observedGeneration":1}}""", V1Patch.PatchType.MergePatch);
        await scope.Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("""{"metadata":{"labels":{"a":"b"}}}""", V1Patch.PatchType.MergePatch),
            "test.example.io", "v1", "default", "widgets", "w1");
        await Assert.ThrowsAsync<HttpOperationException>(() =>
            scope.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(patch, "test.example.io", "v1", "default", "widgets", "w1"));
        await scope.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(patch, "test.example.io", "v1", "default", "widgets", "w1");
        Assert.Equal(3, scope.Host.Requests.Count("patch", "widgets"));
        Assert.Equal(2, scope.Host.Requests.Count("patch", "widgets/status"));
        Assert.Equal(1, scope.Host.Requests.Count("patch", "widgets", 500));
        Assert.Equal(4, scope.Host.Requests.Writes("widgets"));
    }

    [Fact]
    public async Task LatencyDelaysEveryRequestUntilReset()
    {
        await using var scope = await EmulatorScope.StartAsync();
        await scope.Client.CoreV1.ListNamespacedConfigMapAsync("default");
        scope.Host.Faults.Latency = TimeSpan.FromMilliseconds(300);
        var timer = Stopwatch.StartNew();
        await scope.Client.CoreV1.ListNamespacedConfigMapAsync("default");
        // A lower bound: no load on the machine can make the request come back before the latency has passed.
        Assert.True(timer.Elapsed >= TimeSpan.FromMilliseconds(300), $"took {timer.Elapsed}");
        output.WriteLine($"with 300 ms latency: {timer.Elapsed.TotalMilliseconds:F0} ms");

        // A latency no test would wait for, then Reset: the next request must not carry it. The limit only has to
        // tell "no latency" from an hour, so a loaded machine cannot make it fail.
        scope.Host.Faults.Latency = TimeSpan.FromHours(1);
        scope.Host.Faults.Reset();
        timer.Restart();
        await scope.Client.CoreV1.ListNamespacedConfigMapAsync("default").WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"after Reset: {timer.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task DeletingANamespaceDeletesItsContentsThenItself()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var core = scope.Client.CoreV1;
        await core.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } });
        await core.CreateNamespacedConfigMapAsync(ConfigMap("a"), "team");
        var held = ConfigMap("held");
        held.Metadata.Finalizers = ["test/hold"];
        await core.CreateNamespacedConfigMapAsync(held, "team");
        await core.DeleteNamespaceAsync("team");
        Assert.Equal("Terminating", (await core.ReadNamespaceAsync("team")).Status.Phase);
        Assert.Equal(["held"], (await core.ListNamespacedConfigMapAsync("team")).Items.Select(c => c.Metadata.Name));
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => core.CreateNamespacedConfigMapAsync(ConfigMap("new"), "team"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Response.StatusCode);
        await core.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "held", "team");
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => core.ReadNamespaceAsync("team"));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    private static V1ConfigMap ConfigMap(string name) => new() { Metadata = new V1ObjectMeta { Name = name } };
}
