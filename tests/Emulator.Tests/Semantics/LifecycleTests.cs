using System.Net;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Tests.Client;
using BackendStack.Emulator.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace BackendStack.Emulator.Tests.Semantics;

/// <summary>Generation, the status subresource, finalizers and ownerReference garbage collection.</summary>
public sealed class LifecycleTests
{
    private const string Group = "test.example.io";

    [Theory]
    [InlineData("""{"spec":{"size":5}}""", false, 2)]
    [InlineData("""{"metadata":{"labels":{"x":"y"}}}""", false, 1)]
    [InlineData("""{"metadata":{"annotations":{"a":"b"}},"status":{"observedGeneration":7}}""", false, 1)]
    [InlineData("""{"status":{"observedGeneration":7}}""", true, 1)]
    [InlineData("""{"spec":{"size":7},"status":{"observedGeneration":7}}""", true, 1)]
    public async Task GenerationAdvancesOnlyOnSpecChanges(string patch, bool status, long generation)
    {
        await using var scope = await EmulatorScope.StartAsync();
        await scope.CreateWidgetCrdAsync();
        await CustomResourceClientTests.CreateAsync(scope, "w1", 3);
        var body = new V1Patch(patch, V1Patch.PatchType.MergePatch);
        var result = CustomResourceClientTests.Node(status
            ? await scope.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(body, Group, "v1", "default", "widgets", "w1")
            : await scope.Client.CustomObjects.PatchNamespacedCustomObjectAsync(body, Group, "v1", "default", "widgets", "w1"));
        Assert.Equal(generation, result["metadata"]!["generation"]!.GetValue<long>());
        var observed = result["status"]?["observedGeneration"]?.GetValue<long>();
        Assert.Equal(status ? 7 : (long?)null, observed);
        Assert.Equal(status ? 3 : null, status ? result["spec"]!["size"]!.GetValue<long>() : (long?)null);
    }

    [Fact]
    public async Task BuiltInGenerationFollowsSpecOnly()
    {
        await using var scope = await EmulatorScope.StartAsync(new EmulatorOptions { BuiltInControllers = false });
        var apps = scope.Client.AppsV1;
        await apps.CreateNamespacedDeploymentAsync(Workloads.Deployment("web", 1), "default");
        var labelled = await apps.PatchNamespacedDeploymentAsync(new V1Patch("""{"metadata":{"labels":{"x":"y"}}}""", V1Patch.PatchType.MergePatch), "web", "default");
        Assert.Equal(1, labelled.Metadata.Generation);
        var scaled = await apps.PatchNamespacedDeploymentAsync(new V1Patch("""{"spec":{"replicas":3}}""", V1Patch.PatchType.StrategicMergePatch), "web", "default");
        Assert.Equal(2, scaled.Metadata.Generation);
        Assert.Equal(10, scaled.Spec.RevisionHistoryLimit);
    }

    [Fact]
    public async Task FinalizersHoldDeletionAndCannotBeAddedWhileDeleting()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var core = scope.Client.CoreV1;
        await core.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "held", Finalizers = ["test/one"] } }, "default");
        await core.DeleteNamespacedConfigMapAsync("held", "default");
        var held = await core.ReadNamespacedConfigMapAsync("held", "default");
        Assert.NotNull(held.Metadata.DeletionTimestamp);

        var add = await Assert.ThrowsAsync<HttpOperationException>(() => core.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"metadata":{"finalizers":["test/one","test/two"]}}""", V1Patch.PatchType.MergePatch), "held", "default"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, add.Response.StatusCode);
        Assert.Contains("no new finalizers can be added if the object is being deleted", add.Response.Content);

        await core.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "held", "default");
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => core.ReadNamespacedConfigMapAsync("held", "default"));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Theory]
    [InlineData("Background")]
    [InlineData("Foreground")]
    [InlineData("Orphan")]
    public async Task GarbageCollectionFollowsThePropagationPolicy(string policy)
    {
        await using var scope = await EmulatorScope.StartAsync(new EmulatorOptions { BuiltInControllers = false });
        var core = scope.Client.CoreV1;
        var owner = await core.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner" } }, "default");
        var reference = new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = owner.Metadata.Uid, BlockOwnerDeletion = true, Controller = true };
        await core.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "dependent", OwnerReferences = [reference], Finalizers = ["test/hold"] },
        }, "default");
        await core.DeleteNamespacedConfigMapAsync("owner", "default", propagationPolicy: policy);

        if (policy == "Foreground")
        {
            await WatchClientTests.WaitUntilAsync(() => Exists(core, "dependent", deleting: true));
            Assert.True(Exists(core, "owner", deleting: true), "a foreground owner waits for its dependents");
        }
        if (policy == "Background") await WatchClientTests.WaitUntilAsync(() => Exists(core, "dependent", deleting: true));
        await core.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "dependent", "default");
        await WatchClientTests.WaitUntilAsync(() => !Exists(core, "owner"));
        if (policy == "Orphan")
        {
            var orphan = await core.ReadNamespacedConfigMapAsync("dependent", "default");
            Assert.Null(orphan.Metadata.OwnerReferences);
            Assert.Null(orphan.Metadata.DeletionTimestamp);
        }
        else
        {
            Assert.False(Exists(core, "dependent"));
        }
    }

    private static bool Exists(ICoreV1Operations core, string name, bool deleting = false)
    {
        try
        {
            var cm = core.ReadNamespacedConfigMapAsync(name, "default").GetAwaiter().GetResult();
            return !deleting || cm.Metadata.DeletionTimestamp is not null;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    internal static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
