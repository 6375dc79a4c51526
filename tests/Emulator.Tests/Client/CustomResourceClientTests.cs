using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Tests.Support;
using k8s;
using k8s.Autorest;

namespace BackendStack.Emulator.Tests.Client;

/// <summary>Custom resources through the real KubernetesClient: CRUD, conflicts, status, generation, validation.</summary>
public sealed class CustomResourceClientTests
{
    private const string Group = "test.example.io";

    [Fact]
    public async Task CreateFillsMetadataAndDefaultsAndDuplicateIsAlreadyExists()
    {
        await using var scope = await EmulatorScope.StartAsync();
        await scope.CreateWidgetCrdAsync();
        var created = await CreateAsync(scope, "w1", 3);
        Assert.Equal(1, created["metadata"]!["generation"]!.GetValue<long>());
        Assert.False(string.IsNullOrEmpty(created["metadata"]!["uid"]!.GetValue<string>()));
        Assert.Equal("red", created["spec"]!["color"]!.GetValue<string>());
        Assert.Equal("test.example.io/v1", created["apiVersion"]!.GetValue<string>());

        var duplicate = await Assert.ThrowsAsync<HttpOperationException>(() => CreateAsync(scope, "w1", 3));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Response.StatusCode);
        var status = JsonNode.Parse(duplicate.Response.Content)!;
        Assert.Equal("AlreadyExists", status["reason"]!.GetValue<string>());
        Assert.Equal("widgets.test.example.io \"w1\" already exists", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReplaceWithStaleResourceVersionIsConflict()
    {
        await using var scope = await EmulatorScope.StartAsync();
        await scope.CreateWidgetCrdAsync();
        var created = await CreateAsync(scope, "w1", 3);
        var first = created.DeepClone().AsObject();
        first["spec"]!["size"] = 5;
        var replaced = Node(await scope.Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(first, Group, "v1", "default", "widgets", "w1"));
        Assert.Equal(2, replaced["metadata"]!["generation"]!.GetValue<long>());

        var stale = created.DeepClone().AsObject();
        stale["spec"]!["size"] = 7;
        var conflict = await Assert.ThrowsAsync<HttpOperationException>(() =>
            scope.Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(stale, Group, "v1", "default", "widgets", "w1"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Response.StatusCode);
        Assert.Contains("the object has been modified; please apply your changes to the latest version and try again", conflict.Response.Content);
        var current = Node(await scope.Client.CustomObjects.GetNamespacedCustomObjectAsync(Group, "v1", "default", "widgets", "w1"));
        Assert.Equal(5, current["spec"]!["size"]!.GetValue<long>());
    }

    [Fact]
    public async Task StatusPatchChangesOnlyStatusAndKeepsGeneration()
    {
        await using var scope = await EmulatorScope.StartAsync();
        await scope.CreateWidgetCrdAsync();
        await CreateAsync(scope, "w1", 3);
        var patch = new V1PatchJson("""{"status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"True"}]},"spec":{"size":9}}""");
        var patched = Node(await scope.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(patch.Patch, Group, "v1", "default", "widgets", "w1"));
        Assert.Equal("True", patched["status"]!["conditions"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(3, patched["spec"]!["size"]!.GetValue<long>());
        Assert.Equal(1, patched["metadata"]!["generation"]!.GetValue<long>());

        var main = new V1PatchJson("""{"spec":{"size":5},"status":{"observedGeneration":99}}""");
        var updated = Node(await scope.Client.CustomObjects.PatchNamespacedCustomObjectAsync(main.Patch, Group, "v1", "default", "widgets", "w1"));
        Assert.Equal(2, updated["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal(1, updated["status"]!["observedGeneration"]!.GetValue<long>());
    }

    [Fact]
    public async Task InvalidObjectIsRejectedWithCausesAndNothingIsStored()
    {
        await using var scope = await EmulatorScope.StartAsync();
        await scope.CreateWidgetCrdAsync();
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => CreateAsync(scope, "w1", 4));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        var status = JsonNode.Parse(error.Response.Content)!;
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
        Assert.Equal("spec.size", status["details"]!["causes"]![0]!["field"]!.GetValue<string>());
        Assert.Contains("size must be odd", status["message"]!.GetValue<string>());
        var list = Node(await scope.Client.CustomObjects.ListNamespacedCustomObjectAsync(Group, "v1", "default", "widgets"));
        Assert.Empty(list["items"]!.AsArray());
    }

    internal static async Task<JsonObject> CreateAsync(EmulatorScope scope, string name, int size)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "test.example.io/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["app"] = "demo" } },
            ["spec"] = new JsonObject { ["size"] = size },
        };
        return Node(await scope.Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, Group, "v1", "default", "widgets"));
    }

    internal static JsonObject Node(object result) => JsonNode.Parse(JsonSerializer.Serialize(result))!.AsObject();

    private sealed record V1PatchJson(string Json)
    {
        public k8s.Models.V1Patch Patch => new(Json, k8s.Models.V1Patch.PatchType.MergePatch);
    }
}
