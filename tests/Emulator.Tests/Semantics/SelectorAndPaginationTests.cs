using System.Net;
using BackendStack.Emulator.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace BackendStack.Emulator.Tests.Semantics;

/// <summary>Label and field selectors on list and watch, and limit/continue pagination.</summary>
public sealed class SelectorAndPaginationTests
{
    [Theory]
    [InlineData("app=web", "a,b")]
    [InlineData("app==web", "a,b")]
    [InlineData("app!=web", "c,d,e")]
    [InlineData("app in (web,db)", "a,b,c")]
    [InlineData("app notin (web)", "c,d,e")]
    [InlineData("tier", "a,c")]
    [InlineData("!tier", "b,d,e")]
    [InlineData("app=web,tier=front", "a")]
    [InlineData("app in (web, db),!tier", "b")]
    public async Task LabelSelectorsSelectTheMatchingObjects(string selector, string expected)
    {
        await using var scope = await EmulatorScope.StartAsync();
        await SeedAsync(scope.Client);
        var list = await scope.Client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: selector);
        Assert.Equal(expected, string.Join(",", list.Items.Select(i => i.Metadata.Name)));
    }

    [Theory]
    [InlineData("metadata.name=c", "c")]
    [InlineData("metadata.name!=c", "a,b,d,e")]
    [InlineData("metadata.namespace=default,metadata.name=a", "a")]
    public async Task FieldSelectorsSelectByNameAndNamespace(string selector, string expected)
    {
        await using var scope = await EmulatorScope.StartAsync();
        await SeedAsync(scope.Client);
        var list = await scope.Client.CoreV1.ListNamespacedConfigMapAsync("default", fieldSelector: selector);
        Assert.Equal(expected, string.Join(",", list.Items.Select(i => i.Metadata.Name)));
    }

    [Fact]
    public async Task EventsAreSelectedByInvolvedObjectAndUnknownFieldsAreRejected()
    {
        await using var scope = await EmulatorScope.StartAsync();
        foreach (var (name, target) in new[] { ("e1", "x"), ("e2", "y") })
            await scope.Client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
            {
                Metadata = new V1ObjectMeta { Name = name },
                InvolvedObject = new V1ObjectReference { Kind = "ConfigMap", Name = target, NamespaceProperty = "default" },
                Reason = "Tested",
                Message = "m",
            }, "default");
        var list = await scope.Client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "involvedObject.kind=ConfigMap,involvedObject.name=y");
        Assert.Equal(["e2"], list.Items.Select(e => e.Metadata.Name));
        var v1 = await scope.Client.EventsV1.ListNamespacedEventAsync("default");
        Assert.Equal(["x", "y"], v1.Items.Select(e => e.Regarding.Name));
        var bad = await Assert.ThrowsAsync<HttpOperationException>(() => scope.Client.CoreV1.ListNamespacedConfigMapAsync("default", fieldSelector: "data.k=v"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Response.StatusCode);
        Assert.Contains("field label not supported: data.k", bad.Response.Content);
    }

    [Fact]
    public async Task WatchWithLabelSelectorSeesOnlyMatchingObjects()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var names = new List<string>();
        var list = await scope.Client.CoreV1.ListNamespacedConfigMapAsync("default");
        await SeedAsync(scope.Client);
        await foreach (var (_, cm) in scope.Client.CoreV1.WatchListNamespacedConfigMapAsync("default", labelSelector: "app=db",
            resourceVersion: list.Metadata.ResourceVersion, timeoutSeconds: 1))
            names.Add(cm.Metadata.Name);
        Assert.Equal(["c"], names);
    }

    [Fact]
    public async Task PaginationKeepsTheListResourceVersionAndExpiredTokensGet410()
    {
        await using var scope = await EmulatorScope.StartAsync();
        await SeedAsync(scope.Client);
        var first = await scope.Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2);
        Assert.Equal(["a", "b"], first.Items.Select(i => i.Metadata.Name));
        Assert.Equal(3, first.Metadata.RemainingItemCount);
        await scope.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "f" } }, "default");
        var second = await scope.Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, continueParameter: first.Metadata.ContinueProperty);
        Assert.Equal(["c", "d"], second.Items.Select(i => i.Metadata.Name));
        Assert.Equal(first.Metadata.ResourceVersion, second.Metadata.ResourceVersion);

        scope.Host.Faults.ExpireWatchHistory();
        var expired = await Assert.ThrowsAsync<HttpOperationException>(() =>
            scope.Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, continueParameter: second.Metadata.ContinueProperty));
        Assert.Equal(HttpStatusCode.Gone, expired.Response.StatusCode);
        Assert.Contains("\"reason\":\"Expired\"", expired.Response.Content);
    }

    private static async Task SeedAsync(Kubernetes client)
    {
        var labels = new Dictionary<string, Dictionary<string, string>>
        {
            ["a"] = new() { ["app"] = "web", ["tier"] = "front" },
            ["b"] = new() { ["app"] = "web" },
            ["c"] = new() { ["app"] = "db", ["tier"] = "back" },
            ["d"] = new() { ["app"] = "cache" },
            ["e"] = [],
        };
        foreach (var (name, l) in labels)
            await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = l } }, "default");
    }
}
