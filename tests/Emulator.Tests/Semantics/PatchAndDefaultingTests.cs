using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Tests.Client;
using BackendStack.Emulator.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace BackendStack.Emulator.Tests.Semantics;

/// <summary>Strategic merge, JSON and merge patches; schema defaults and pruning; built-in defaults.</summary>
public sealed class PatchAndDefaultingTests
{
    [Theory]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"busybox:1.37"}]}}}}""",
        "main=busybox:1.37|env=A:1,B:2|ports=8080")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"nginx"}]}}}}""",
        "main=busybox:1.36|env=A:1,B:2|ports=8080;side=nginx|env=|ports=")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"main","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}}}""",
        "main=busybox:1.36|env=A:1,B:3,C:4|ports=8080")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"main","env":[{"name":"A","$patch":"delete"}]}]}}}}""",
        "main=busybox:1.36|env=B:2|ports=8080")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"main","ports":[{"containerPort":9090}]}]}}}}""",
        "main=busybox:1.36|env=A:1,B:2|ports=8080,9090")]
    [InlineData("""{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"side"},{"name":"main"}],"containers":[{"name":"side","image":"nginx"}]}}}}""",
        "side=nginx|env=|ports=;main=busybox:1.36|env=A:1,B:2|ports=8080")]
    public async Task StrategicMergePatchMergesListsByKey(string patch, string expected)
    {
        await using var scope = await EmulatorScope.StartAsync(new EmulatorOptions { BuiltInControllers = false });
        var deployment = Workloads.Deployment("web", 1);
        deployment.Spec.Template.Spec.Containers[0].Env = [new V1EnvVar { Name = "A", Value = "1" }, new V1EnvVar { Name = "B", Value = "2" }];
        await scope.Client.AppsV1.CreateNamespacedDeploymentAsync(deployment, "default");
        var patched = await scope.Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch), "web", "default");
        var summary = string.Join(";", patched.Spec.Template.Spec.Containers.Select(c =>
            $"{c.Name}={c.Image}|env={string.Join(",", (c.Env ?? []).Select(e => $"{e.Name}:{e.Value}"))}|ports={string.Join(",", (c.Ports ?? []).Select(p => p.ContainerPort))}"));
        Assert.Equal(expected, summary);
    }

    [Fact]
    public async Task StrategicMergePatchOnCustomResourceIsUnsupportedMediaType()
    {
        await using var scope = await EmulatorScope.StartAsync();
        await scope.CreateWidgetCrdAsync();
        await CustomResourceClientTests.CreateAsync(scope, "w1", 3);
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => scope.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"size":5}}""", V1Patch.PatchType.StrategicMergePatch), "test.example.io", "v1", "default", "widgets", "w1"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, error.Response.StatusCode);
        Assert.Contains("application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml", error.Response.Content);
    }

    [Fact]
    public async Task JsonPatchAndServerSideApplyCreateAndChangeObjects()
    {
        await using var scope = await EmulatorScope.StartAsync();
        await scope.CreateWidgetCrdAsync();
        var apply = new V1Patch("""{"apiVersion":"test.example.io/v1","kind":"Widget","metadata":{"name":"w9"},"spec":{"size":5}}""", V1Patch.PatchType.ApplyPatch);
        var created = CustomResourceClientTests.Node(await scope.Client.CustomObjects.PatchNamespacedCustomObjectAsync(apply, "test.example.io", "v1", "default", "widgets", "w9", fieldManager: "test", force: true));
        Assert.Equal(5, created["spec"]!["size"]!.GetValue<long>());
        var json = new V1Patch("""[{"op":"test","path":"/spec/size","value":5},{"op":"replace","path":"/spec/size","value":7},{"op":"add","path":"/metadata/labels","value":{"x":"y"}}]""", V1Patch.PatchType.JsonPatch);
        var patched = CustomResourceClientTests.Node(await scope.Client.CustomObjects.PatchNamespacedCustomObjectAsync(json, "test.example.io", "v1", "default", "widgets", "w9"));
        Assert.Equal(7, patched["spec"]!["size"]!.GetValue<long>());
        Assert.Equal("y", patched["metadata"]!["labels"]!["x"]!.GetValue<string>());
        var failing = new V1Patch("""[{"op":"test","path":"/spec/size","value":5}]""", V1Patch.PatchType.JsonPatch);
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => scope.Client.CustomObjects.PatchNamespacedCustomObjectAsync(failing, "test.example.io", "v1", "default", "widgets", "w9"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
    }

    [Theory]
    [InlineData("Ignore", null)]
    [InlineData("Strict", "unknown field \"spec.extra\"")]
    public async Task SchemaDefaultsApplyAndUnknownFieldsArePrunedOrRefused(string validation, string? error)
    {
        await using var scope = await EmulatorScope.StartAsync();
        await scope.CreateWidgetCrdAsync();
        using var http = new HttpClient { BaseAddress = scope.Host.BaseAddress };
        var body = """{"apiVersion":"test.example.io/v1","kind":"Widget","metadata":{"name":"w1"},"spec":{"size":3,"extra":true,"free":{"any":{"thing":1}}}}""";
        var response = await http.PostAsync($"/apis/test.example.io/v1/namespaces/default/widgets?fieldValidation={validation}",
            new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (error is not null)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(error, JsonNode.Parse(text)!["message"]!.GetValue<string>());
            return;
        }
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = JsonNode.Parse(text)!;
        Assert.Null(stored["spec"]!["extra"]);
        Assert.Equal("red", stored["spec"]!["color"]!.GetValue<string>());
        Assert.Equal(1, stored["spec"]!["free"]!["any"]!["thing"]!.GetValue<int>());
    }

    [Fact]
    public async Task SecretStringDataIsFoldedIntoDataAndServiceGetsDefaults()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var secret = await scope.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "s" },
            StringData = new Dictionary<string, string> { ["password"] = "s3cret" },
            Data = new Dictionary<string, byte[]> { ["user"] = "root"u8.ToArray() },
        }, "default");
        Assert.Null(secret.StringData);
        Assert.Equal("s3cret", Encoding.UTF8.GetString(secret.Data["password"]));
        Assert.Equal("root", Encoding.UTF8.GetString(secret.Data["user"]));
        Assert.Equal("Opaque", secret.Type);

        var service = await scope.Client.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "svc" },
            Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 6379 }], Selector = new Dictionary<string, string> { ["app"] = "x" } },
        }, "default");
        Assert.Equal("ClusterIP", service.Spec.Type);
        Assert.Equal("TCP", service.Spec.Ports[0].Protocol);
        Assert.Equal("6379", service.Spec.Ports[0].TargetPort.Value);
        Assert.StartsWith("10.96.", service.Spec.ClusterIP, StringComparison.Ordinal);
    }
}
