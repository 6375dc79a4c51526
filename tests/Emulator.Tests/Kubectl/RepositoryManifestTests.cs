using BackendStack.Emulator.Tests.Support;

namespace BackendStack.Emulator.Tests.Kubectl;

/// <summary>The repository's own crds/ and examples/ applied with kubectl and default validation.</summary>
public sealed class RepositoryManifestTests
{
    private static readonly string[] Kinds = ["redisfailovers", "perconaclusters", "proxysqls", "apptiers", "glustervolumes", "backupschedules", "backups"];

    [Fact]
    public async Task CrdsServeEveryKindWithShortNamesAndTheBackendstackCategory()
    {
        await using var scope = await EmulatorScope.StartAsync();
        await ApplyCrdsAsync(scope);
        var resources = (await scope.Kubectl.RunAsync("api-resources", "--api-group=backendstack.io")).ShouldSucceed().Lines;
        foreach (var kind in Kinds)
            Assert.Contains(resources, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^{kind}\s+\S+\s+backendstack.io/v1alpha1\s+true\s"));
        var categorized = (await scope.Kubectl.RunAsync("api-resources", "--categories=backendstack", "-o", "name")).ShouldSucceed().Lines;
        Assert.Equal(Kinds.Order(), categorized.Select(n => n.Split('.')[0]).Order());
        var established = (await scope.Kubectl.RunAsync("wait", "--for=condition=Established", "crd", "--all", "--timeout=10s")).ShouldSucceed();
        Assert.Equal(Kinds.Length, established.Lines.Length);
    }

    [Fact]
    public async Task ExamplesApplyWithDefaultValidationAndReapplyingChangesNothing()
    {
        await using var scope = await EmulatorScope.StartAsync();
        await ApplyCrdsAsync(scope);
        var examples = Path.Combine(RepositoryRoot(), "examples");
        (await scope.Kubectl.RunAsync("apply", "-f", examples)).ShouldSucceed();
        var versions = await ResourceVersionsAsync(scope);
        Assert.Equal(Kinds.Length, versions.Split(' ').Length);
        scope.Host.Requests.Reset();
        (await scope.Kubectl.RunAsync("apply", "-f", examples)).ShouldSucceed();
        Assert.Equal(versions, await ResourceVersionsAsync(scope));
        Assert.Equal(0, scope.Host.Requests.Count("create") + scope.Host.Requests.Count("update") + scope.Host.Requests.Count("delete"));
        var listed = (await scope.Kubectl.RunAsync("get", "backendstack")).ShouldSucceed().Stdout;
        foreach (var kind in new[] { "redisfailover", "perconacluster", "proxysql", "apptier", "glustervolume", "backupschedule", "backup" })
            Assert.Contains($"{kind}.backendstack.io/", listed);
    }

    [Fact]
    public async Task TheReferenceStackAppliesAsOneKustomization()
    {
        await using var scope = await EmulatorScope.StartAsync();
        await ApplyCrdsAsync(scope);
        (await scope.Kubectl.RunAsync("apply", "-k", Path.Combine(RepositoryRoot(), "examples", "reference-stack"))).ShouldSucceed();
        var kinds = (await scope.Kubectl.RunAsync("get", "backendstack", "-A", "-o", "jsonpath={.items[*].kind}")).ShouldSucceed().Stdout.Split(' ');
        Assert.Equal(["AppTier", "BackupSchedule", "GlusterVolume", "PerconaCluster", "ProxySQL", "RedisFailover"], kinds.Distinct().Order());
        Assert.Equal(3, kinds.Count(k => k == "AppTier"));
    }

    private static async Task ApplyCrdsAsync(EmulatorScope scope)
    {
        // Exactly what the README tells a platform engineer to run.
        var applied = (await scope.Kubectl.RunAsync("apply", "-f", Path.Combine(RepositoryRoot(), "crds"))).ShouldSucceed().Lines;
        Assert.Equal(Kinds.Length, applied.Length);
    }

    private static async Task<string> ResourceVersionsAsync(EmulatorScope scope) =>
        (await scope.Kubectl.RunAsync("get", "backendstack", "-o", "jsonpath={.items[*].metadata.resourceVersion}")).ShouldSucceed().Stdout;

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Operator.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Operator.sln not found above the test directory");
    }
}
