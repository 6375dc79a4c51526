using System.Text.Json.Nodes;
using BackendStack.Operator.Api;
using BackendStack.Tests.Manifests;

namespace BackendStack.Tests.Config;

public class DefaultConfigTests
{
    private static readonly Lazy<IReadOnlyList<JsonNode>> Rendered = new(() => YamlJson.ParseAll(Kubectl.Kustomize("config/default")));

    private static IEnumerable<JsonNode> OfKind(string kind) => Rendered.Value.Where(d => (string?)d["kind"] == kind);

    private static JsonNode Named(string kind, string name) => Assert.Single(OfKind(kind), d => (string?)d["metadata"]!["name"] == name);

    [Fact]
    public void RendersTheSevenCrdsOfTheGroup()
    {
        var crds = OfKind("CustomResourceDefinition").ToList();

        Assert.Equal(7, crds.Count);
        Assert.All(crds, c => Assert.Equal(ApiGroup.Group, (string?)c["spec"]!["group"]));
    }

    [Fact]
    public void NoRoleGrantsAWildcard()
    {
        var rules = OfKind("ClusterRole").Concat(OfKind("Role")).SelectMany(r => r["rules"]!.AsArray()).ToList();

        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            foreach (var field in new[] { "apiGroups", "resources", "verbs", "resourceNames", "nonResourceURLs" })
            {
                Assert.DoesNotContain(rule![field]?.AsArray().Select(v => (string?)v) ?? [], v => v!.Contains('*', StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void ManagerRoleGrantsWhatTheOperatorUses()
    {
        var rules = Named("ClusterRole", "backendstack-manager-role")["rules"]!.AsArray();
        bool Grants(string group, string resource, string verb) => rules.Any(r =>
            r!["apiGroups"]!.AsArray().Any(g => (string?)g == group)
            && r["resources"]!.AsArray().Any(x => (string?)x == resource)
            && r["verbs"]!.AsArray().Any(v => (string?)v == verb));

        foreach (var plural in new[] { RedisFailover.Plural, PerconaCluster.Plural, ProxySQL.Plural, AppTier.Plural, GlusterVolume.Plural, BackupSchedule.Plural, Backup.Plural })
        {
            Assert.True(Grants(ApiGroup.Group, plural, "watch"), plural);
            Assert.True(Grants(ApiGroup.Group, plural + "/status", "update"), plural + "/status");
            Assert.True(Grants(ApiGroup.Group, plural + "/finalizers", "update"), plural + "/finalizers");
        }

        Assert.True(Grants(ApiGroup.Group, Backup.Plural, "create"));
        foreach (var (group, resource) in new[]
                 {
                     ("", "services"), ("", "configmaps"), ("", "secrets"), ("", "persistentvolumeclaims"),
                     ("apps", "statefulsets"), ("apps", "deployments"), ("batch", "jobs"), ("batch", "cronjobs"),
                     ("policy", "poddisruptionbudgets"), ("autoscaling", "horizontalpodautoscalers"),
                 })
        {
            Assert.True(Grants(group, resource, "create") && Grants(group, resource, "watch"), resource);
        }

        Assert.True(Grants("", "pods", "watch") && Grants("", "endpoints", "watch") && Grants("", "events", "create"));
        Assert.True(Grants("", "pods/exec", "create") && Grants("", "pods/exec", "get"), "pods/exec");
        Assert.True(Grants("snapshot.storage.k8s.io", "volumesnapshots", "create"));
        Assert.False(Grants("", "secrets", "escalate"));

        var leaderElection = Named("Role", "backendstack-leader-election-role")["rules"]!.AsArray();
        Assert.Contains(leaderElection, r => r!["resources"]!.AsArray().Any(x => (string?)x == "leases"));
    }

    [Fact]
    public void EveryKindHasViewerAndEditorRoles()
    {
        foreach (var kind in ApiKinds.All.Select(k => k.Name.ToLowerInvariant()))
        {
            Named("ClusterRole", $"backendstack-{kind}-viewer-role");
            Named("ClusterRole", $"backendstack-{kind}-editor-role");
        }
    }

    [Fact]
    public void ManagerDeploymentIsLockedDownAndProbed()
    {
        var deployment = Named("Deployment", "backendstack-controller-manager");
        var pod = deployment["spec"]!["template"]!["spec"]!;
        var container = Assert.Single(pod["containers"]!.AsArray())!;

        Assert.Equal("backendstack-system", (string?)deployment["metadata"]!["namespace"]);
        Assert.Equal(2L, (long)deployment["spec"]!["replicas"]!);
        Assert.Equal("backendstack-controller-manager", (string?)pod["serviceAccountName"]);
        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        Assert.True((bool)container["securityContext"]!["readOnlyRootFilesystem"]!);
        Assert.False((bool)container["securityContext"]!["allowPrivilegeEscalation"]!);
        Assert.Equal(["ALL"], container["securityContext"]!["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c));
        Assert.Contains("--leader-elect", container["args"]!.AsArray().Select(a => (string?)a));
        Assert.NotNull(container["resources"]!["requests"]!["memory"]);
        Assert.NotNull(container["resources"]!["limits"]!["memory"]);
        Assert.Equal("/healthz", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/readyz", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
        var ports = container["ports"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => (long)p!["containerPort"]!);
        Assert.Equal(8080L, ports["metrics"]);
        Assert.Equal(8081L, ports["health"]);
    }
}
