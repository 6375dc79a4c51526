using System.Text.Json.Nodes;
using BackendStack.Operator.Hosting;

namespace BackendStack.Tests.Manifests;

/// <summary>config/namespaced: the operator limited to a list of namespaces, with a Role in each instead of the manager ClusterRole.</summary>
public sealed class NamespacedOverlayTests
{
    private const string ServiceAccount = "backendstack-controller-manager";
    private const string OperatorNamespace = "backendstack-system";
    private static readonly Lazy<IReadOnlyList<JsonNode>> Namespaced = new(() => YamlJson.ParseAll(Kubectl.Kustomize("config/namespaced")));
    private static readonly Lazy<IReadOnlyList<JsonNode>> Default = new(() => YamlJson.ParseAll(Kubectl.Kustomize("config/default")));

    [Fact]
    public void NoClusterWideGrantReachesTheOperator()
    {
        Assert.Empty(OfKind(Namespaced, "ClusterRoleBinding"));
        Assert.All(OfKind(Namespaced, "ClusterRole"), role => Assert.Matches("-(viewer|editor)-role$", Name(role)));
    }

    [Fact]
    public void EachWatchedNamespaceHasTheManagerRoleBoundToTheOperator()
    {
        var watched = WatchedNamespaces();
        Assert.Equal(["team-a", "team-b"], watched);

        var roles = OfKind(Namespaced, "Role").Where(r => Name(r) == "backendstack-manager-role").ToList();
        var bindings = OfKind(Namespaced, "RoleBinding").Where(b => Name(b) == "backendstack-manager-rolebinding").ToList();
        Assert.Equal(watched, roles.Select(Namespace).Order(StringComparer.Ordinal));
        Assert.Equal(watched, bindings.Select(Namespace).Order(StringComparer.Ordinal));
        foreach (var binding in bindings)
        {
            Assert.Equal(("Role", "backendstack-manager-role"), ((string?)binding["roleRef"]!["kind"], (string?)binding["roleRef"]!["name"]));
            var subject = Assert.Single(binding["subjects"]!.AsArray())!;
            Assert.Equal(("ServiceAccount", ServiceAccount, OperatorNamespace), ((string?)subject["kind"], (string?)subject["name"], (string?)subject["namespace"]));
        }

        // The ServiceAccount it binds is the one the Deployment runs as.
        Assert.Equal(ServiceAccount, (string?)Deployment()["spec"]!["template"]!["spec"]!["serviceAccountName"]);
    }

    [Fact]
    public void TheRoleGrantsExactlyWhatTheClusterRoleOfTheDefaultInstallGrants()
    {
        var clusterRole = Assert.Single(OfKind(Default, "ClusterRole"), r => Name(r) == "backendstack-manager-role");
        foreach (var role in OfKind(Namespaced, "Role").Where(r => Name(r) == "backendstack-manager-role"))
        {
            Assert.Equal(clusterRole["rules"]!.ToJsonString(), role["rules"]!.ToJsonString());
        }
    }

    [Fact]
    public void LeaderElectionStaysInTheOperatorsNamespace()
    {
        var role = Assert.Single(OfKind(Namespaced, "Role"), r => Name(r) == "backendstack-leader-election-role");
        Assert.Equal(OperatorNamespace, Namespace(role));
        Assert.Contains("--leader-elect", Arguments());
    }

    private static List<string> WatchedNamespaces()
    {
        var argument = Assert.Single(Arguments(), a => a.StartsWith("--namespace=", StringComparison.Ordinal));
        var value = argument["--namespace=".Length..];
        Assert.Null(NamespaceList.Problem(value));
        return [.. NamespaceList.Parse(value).Order(StringComparer.Ordinal)];
    }

    private static List<string> Arguments() =>
        [.. Deployment()["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!.AsArray().Select(a => (string)a!)];

    private static JsonNode Deployment() => Assert.Single(OfKind(Namespaced, "Deployment"));

    private static IEnumerable<JsonNode> OfKind(Lazy<IReadOnlyList<JsonNode>> rendered, string kind) => rendered.Value.Where(d => (string?)d["kind"] == kind);

    private static string Name(JsonNode node) => (string)node["metadata"]!["name"]!;

    private static string? Namespace(JsonNode node) => (string?)node["metadata"]!["namespace"];
}
