using System.Text.Json.Nodes;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Tests.Runtime;

public sealed class FinalizersTests
{
    [Fact]
    public void AddingTestsTheResourceVersionAndKeepsOtherFinalizers()
    {
        var obj = Object("5", ["other/finalizer"]);

        var ops = Operations(Finalizers.AddPatch(obj, "backendstack.io/cleanup"));

        Assert.Equal("test", (string?)ops[0]!["op"]);
        Assert.Equal("/metadata/resourceVersion", (string?)ops[0]!["path"]);
        Assert.Equal("5", (string?)ops[0]!["value"]);
        Assert.Equal("replace", (string?)ops[1]!["op"]);
        Assert.Equal(["other/finalizer", "backendstack.io/cleanup"], ops[1]!["value"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public void AddingToAnObjectWithoutFinalizersCreatesTheList()
    {
        var ops = Operations(Finalizers.AddPatch(Object("1", null), "backendstack.io/cleanup"));

        Assert.Equal("add", (string?)ops[1]!["op"]);
    }

    [Fact]
    public void RemovingDropsOnlyOurFinalizerUnderTheSameGuard()
    {
        var obj = Object("9", ["a", "backendstack.io/cleanup", "b"]);

        var ops = Operations(Finalizers.RemovePatch(obj, "backendstack.io/cleanup"));

        Assert.Equal("9", (string?)ops[0]!["value"]);
        Assert.Equal(["a", "b"], ops[1]!["value"]!.AsArray().Select(v => (string?)v));
    }

    private static JsonArray Operations(V1Patch patch) => JsonNode.Parse((string)patch.Content)!.AsArray();

    private static V1ConfigMap Object(string resourceVersion, IList<string>? finalizers) => new()
    {
        Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "ns", ResourceVersion = resourceVersion, Finalizers = finalizers },
    };
}
