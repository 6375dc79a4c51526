using BackendStack.Emulator.Tests.Support;

namespace BackendStack.Emulator.Tests.Kubectl;

/// <summary>The real kubectl against the emulator: the scenarios a cluster user and the operator's docs rely on.</summary>
public sealed class KubectlScenarioTests
{
    private static readonly string Crd = EmulatorScope.Manifest("widgets-crd.yaml");
    private static readonly string Widget = EmulatorScope.Manifest("widget.yaml");

    [Fact]
    public async Task ApiResourcesListsBuiltInsAndCrdKindsWithShortNamesAndCategories()
    {
        await using var scope = await EmulatorScope.StartAsync();
        await scope.Kubectl.RunAsync("apply", "-f", Crd).ContinueWith(t => t.Result.ShouldSucceed());
        var resources = (await scope.Kubectl.RunAsync("api-resources")).ShouldSucceed().Lines;
        Assert.Contains(resources, l => l.StartsWith("statefulsets ", StringComparison.Ordinal) && l.Contains(" sts ") && l.Contains("apps/v1"));
        Assert.Contains(resources, l => l.StartsWith("leases ", StringComparison.Ordinal) && l.Contains("coordination.k8s.io/v1"));
        Assert.Contains(resources, l => l.StartsWith("widgets ", StringComparison.Ordinal) && l.Contains(" wd ") && l.Contains("test.example.io/v1") && l.Contains("Widget"));
        var categorized = (await scope.Kubectl.RunAsync("api-resources", "--categories=testing", "-o", "name")).ShouldSucceed().Lines;
        Assert.Equal(["widgets.test.example.io"], categorized);
    }

    [Fact]
    public async Task ApplyWithDefaultValidationThenReapplyChangesNothingAndServerSideApplyWorks()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var k = scope.Kubectl;
        Assert.Contains("created", (await k.RunAsync("apply", "-f", Crd)).ShouldSucceed().Stdout);
        Assert.Contains("widget.test.example.io/w1 created", (await k.RunAsync("apply", "-f", Widget)).ShouldSucceed().Stdout);
        var rv = (await k.RunAsync("get", "wd", "w1", "-o", "jsonpath={.metadata.resourceVersion}")).ShouldSucceed().Stdout;
        scope.Host.Requests.Reset();
        Assert.Contains("widget.test.example.io/w1 unchanged", (await k.RunAsync("apply", "-f", Widget)).ShouldSucceed().Stdout);
        Assert.Equal(0, scope.Host.Requests.Writes());
        Assert.Equal(rv, (await k.RunAsync("get", "wd", "w1", "-o", "jsonpath={.metadata.resourceVersion}")).Stdout);

        var changed = (await File.ReadAllTextAsync(Widget)).Replace("size: 3", "size: 5", StringComparison.Ordinal);
        Assert.Contains("configured", (await k.ApplyAsync(changed)).ShouldSucceed().Stdout);
        var ssa = changed.Replace("name: w1", "name: w2", StringComparison.Ordinal);
        Assert.Contains("serverside-applied", (await k.ApplyAsync(ssa, "--server-side")).ShouldSucceed().Stdout);
        Assert.Contains("serverside-applied", (await k.ApplyAsync(ssa.Replace("size: 5", "size: 7", StringComparison.Ordinal), "--server-side")).ShouldSucceed().Stdout);
        Assert.Equal("5 7", (await k.RunAsync("get", "wd", "-o", "jsonpath={.items[*].spec.size}")).ShouldSucceed().Stdout);
    }

    [Fact]
    public async Task GetPrintsPrinterColumnsWideYamlJsonpathAndCategory()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var k = scope.Kubectl;
        (await k.RunAsync("apply", "-f", Crd)).ShouldSucceed();
        (await k.RunAsync("apply", "-f", Widget)).ShouldSucceed();
        (await k.RunAsync("patch", "wd", "w1", "--subresource=status", "--type=merge", "-p",
            """{"status":{"conditions":[{"type":"Progressing","status":"False"},{"type":"Ready","status":"True"}]}}""")).ShouldSucceed();

        var table = (await k.RunAsync("get", "widgets")).ShouldSucceed().Lines;
        Assert.Matches(@"^NAME\s+READY\s+SIZE\s+AGE$", table[0]);
        Assert.Matches(@"^w1\s+True\s+3\s+\d+s$", table[1]);
        var wide = (await k.RunAsync("get", "wd", "-o", "wide")).ShouldSucceed().Lines;
        Assert.Matches(@"^NAME\s+READY\s+SIZE\s+COLOR\s+AGE$", wide[0]);
        Assert.Matches(@"^w1\s+True\s+3\s+red\s+\d+s$", wide[1]);
        var yaml = (await k.RunAsync("get", "wd", "w1", "-o", "yaml")).ShouldSucceed().Stdout;
        Assert.Contains("apiVersion: test.example.io/v1", yaml);
        Assert.Contains("color: red", yaml);
        Assert.Equal("red", (await k.RunAsync("get", "wd", "w1", "-o", "jsonpath={.spec.color}")).ShouldSucceed().Stdout);
        Assert.Matches(@"^w1\s+True\s+3\s", (await k.RunAsync("get", "testing")).ShouldSucceed().Lines[1]);
        Assert.Contains((await k.RunAsync("get", "all")).ShouldSucceed().Lines, l => l.StartsWith("widget.test.example.io/w1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetWatchPrintsTableRowsForChanges()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var k = scope.Kubectl;
        (await k.RunAsync("apply", "-f", Crd)).ShouldSucceed();
        (await k.RunAsync("apply", "-f", Widget)).ShouldSucceed();
        using var watch = k.StartBackground("get", "wd", "-w");
        Assert.True(await watch.WaitForOutputAsync(o => o.Contains("w1", StringComparison.Ordinal), TimeSpan.FromSeconds(20)), watch.Errors);
        (await k.RunAsync("patch", "wd", "w1", "--type=merge", "-p", """{"spec":{"size":7}}""")).ShouldSucceed();
        Assert.True(await watch.WaitForOutputAsync(o => System.Text.RegularExpressions.Regex.IsMatch(o, @"w1\s+7\s"), TimeSpan.FromSeconds(20)), watch.Output + watch.Errors);
    }

    [Fact]
    public async Task DescribeShowsTheObjectAndItsEvents()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var k = scope.Kubectl;
        (await k.RunAsync("apply", "-f", Crd)).ShouldSucceed();
        (await k.RunAsync("apply", "-f", Widget)).ShouldSucceed();
        var uid = (await k.RunAsync("get", "wd", "w1", "-o", "jsonpath={.metadata.uid}")).ShouldSucceed().Stdout;
        (await k.ApplyAsync($$"""
            apiVersion: events.k8s.io/v1
            kind: Event
            metadata: {name: w1.reconciled}
            eventTime: "2026-01-01T00:00:00.000000Z"
            action: Reconcile
            reason: Reconciled
            note: all children are in place
            type: Normal
            reportingController: test.example.io/controller
            reportingInstance: controller-0
            regarding: {apiVersion: test.example.io/v1, kind: Widget, name: w1, namespace: default, uid: {{uid}}}
            """)).ShouldSucceed();
        var described = (await k.RunAsync("describe", "widget", "w1")).ShouldSucceed().Stdout;
        Assert.Contains("Size:", described);
        Assert.Matches(@"Normal\s+Reconciled\s+\S+\s+test.example.io/controller\s+all children are in place", described);
    }

    [Fact]
    public async Task WaitForConditionReturnsWhenStatusBecomesReady()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var k = scope.Kubectl;
        (await k.RunAsync("apply", "-f", Crd)).ShouldSucceed();
        (await k.RunAsync("apply", "-f", Widget)).ShouldSucceed();
        using var wait = k.StartBackground("wait", "--for=condition=Ready", "widget/w1", "--timeout=30s");
        await WaitUntilWatchingAsync(scope);
        Assert.False(wait.HasExited);
        (await k.RunAsync("patch", "wd", "w1", "--subresource=status", "--type=merge", "-p",
            """{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""")).ShouldSucceed();
        Assert.Equal(0, await wait.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("condition met", wait.Output);
    }

    [Fact]
    public async Task DeleteOfObjectWithFinalizerWaitsUntilTheFinalizerIsRemoved()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var k = scope.Kubectl;
        (await k.RunAsync("apply", "-f", Crd)).ShouldSucceed();
        (await k.RunAsync("apply", "-f", Widget)).ShouldSucceed();
        (await k.RunAsync("patch", "wd", "w1", "--type=merge", "-p", """{"metadata":{"finalizers":["test.example.io/cleanup"]}}""")).ShouldSucceed();
        using var delete = k.StartBackground("delete", "wd", "w1", "--timeout=30s");
        await WaitUntilWatchingAsync(scope);
        Assert.False(delete.HasExited);
        Assert.NotEmpty((await k.RunAsync("get", "wd", "w1", "-o", "jsonpath={.metadata.deletionTimestamp}")).ShouldSucceed().Stdout);
        (await k.RunAsync("patch", "wd", "w1", "--type=json", "-p", """[{"op":"remove","path":"/metadata/finalizers"}]""")).ShouldSucceed();
        Assert.Equal(0, await delete.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("NotFound", (await k.RunAsync("get", "wd", "w1")).ShouldFail().Stderr);
    }

    [Theory]
    [InlineData("size: 3", "size: \"three\"", "spec.size: Invalid value: \"string\": spec.size in body must be of type integer")]
    [InlineData("size: 3", "size: 3\n  color: purple", "spec.color: Unsupported value: \"purple\"")]
    [InlineData("size: 3", "size: 11", "spec.size: Invalid value: 11: spec.size in body should be less than or equal to 9")]
    [InlineData("size: 3", "size: 4", "spec.size: Invalid value: \"object\": size must be odd")]
    [InlineData("size: 3", "name: Bad", "spec.size: Required value")]
    [InlineData("size: 3", "size: 3\n  unknown: 1", "unknown field \"spec.unknown\"")]
    public async Task InvalidManifestIsRejectedNamingTheFieldAndNothingIsStored(string from, string to, string expected)
    {
        await using var scope = await EmulatorScope.StartAsync();
        var k = scope.Kubectl;
        (await k.RunAsync("apply", "-f", Crd)).ShouldSucceed();
        var manifest = (await File.ReadAllTextAsync(Widget)).Replace(from, to, StringComparison.Ordinal);
        var result = (await k.ApplyAsync(manifest)).ShouldFail();
        Assert.Contains(expected, result.Stderr);
        Assert.Contains("No resources found", (await k.RunAsync("get", "wd")).ShouldSucceed().Stderr);
    }

    [Fact]
    public async Task BuiltInKindsPrintServerSideColumns()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var k = scope.Kubectl;
        (await k.ApplyAsync("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              replicas: 2
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: mariadb:11}]
            """)).ShouldSucceed();
        (await k.RunAsync("rollout", "status", "statefulset/db", "--timeout=20s")).ShouldSucceed();
        var sts = (await k.RunAsync("get", "sts")).ShouldSucceed().Lines;
        Assert.Matches(@"^db\s+2/2\s+\d+s$", sts[1]);
        var pods = (await k.RunAsync("get", "pods", "-o", "wide")).ShouldSucceed().Lines;
        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE", pods[0]);
        Assert.Matches(@"^db-0\s+1/1\s+Running\s+0\s+\d+s\s+127\.0\.\d+\.\d+\s+emulator-node", pods[1]);
    }

    /// <summary>kubectl wait and delete block on a watch; wait until it is open before changing the object.</summary>
    private static Task WaitUntilWatchingAsync(EmulatorScope scope) =>
        Client.WatchClientTests.WaitUntilAsync(() => scope.Host.Requests.Count("watch", "widgets") > 0);
}
