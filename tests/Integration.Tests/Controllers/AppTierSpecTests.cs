using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Writes;
using k8s;
using k8s.Models;

namespace BackendStack.Tests.Controllers;

/// <summary>What the schema cannot catch, and dependencies that are not there yet.</summary>
public sealed class AppTierSpecTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private ClusterUnderTest cluster = null!;
    private OperatorInstance op = null!;

    public async Task InitializeAsync()
    {
        cluster = await ClusterUnderTest.StartAsync();
        op = await cluster.StartOperatorAsync(appTierOnly: true);
    }

    public async Task DisposeAsync()
    {
        await op.DisposeAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task AnInvalidTierIsDegradedNamingTheFieldAndNothingIsCreated()
    {
        var tier = TestTiers.Worker("badworker");
        tier.Spec.Port = 8080;
        await cluster.CreateAsync(tier);

        var degraded = await DegradedAsync("badworker");
        Assert.Equal(ConditionReasons.InvalidSpec, degraded.Reason);
        Assert.StartsWith("spec.port:", degraded.Message);
        Assert.Equal(Phase.Degraded, (await cluster.GetTierAsync("badworker")).Status!.Phase);
        Assert.Null(await cluster.DeploymentAsync("badworker"));
        await Poll.UntilAsync(
            async () => (await cluster.Client.CoreV1.ListNamespacedEventAsync(ClusterUnderTest.Namespace)).Items
                .Any(e => e.InvolvedObject.Name == "badworker" && e.Reason == ConditionReasons.InvalidSpec && e.Type == "Warning"),
            Timeout, "InvalidSpec event");
    }

    [Fact]
    public async Task AnUpdateThatMakesATierInvalidChangesNothing()
    {
        await cluster.CreateAsync(TestTiers.Web("stable"));
        await Poll.UntilAsync(async () => (await cluster.GetTierAsync("stable")).Status?.ObservedGeneration == 1, Timeout, "children and status");
        var before = (await cluster.DeploymentAsync("stable"))!;
        cluster.Emulator.Requests.Reset();

        await cluster.PatchTierAsync("stable", new { spec = new { image = "nginx:9", env = new[] { new { name = "1BAD", value = "x" } } } });

        var degraded = await DegradedAsync("stable");
        Assert.StartsWith("spec.env[0].name:", degraded.Message);
        var after = (await cluster.DeploymentAsync("stable"))!;
        Assert.Equal(KubernetesJson.Serialize(before.Spec), KubernetesJson.Serialize(after.Spec));
        Assert.Equal("nginx:1.27", after.Spec.Template.Spec.Containers[0].Image);

        // The only writes: the test's own patch and the operator's status update (the emulator's controllers write in-process).
        Assert.Equal(0, cluster.Emulator.Requests.Writes("deployments") + cluster.Emulator.Requests.Writes("services")
                        + cluster.Emulator.Requests.Writes("poddisruptionbudgets"));
    }

    [Fact]
    public async Task AMissingDependencyIsNamedAndTheTierIsCreatedOnceItAppears()
    {
        var tier = TestTiers.Worker("consumer");
        tier.Spec.Connections = new ConnectionsSpec { Redis = new RedisConnectionSpec { RedisRef = new LocalObjectReference { Name = "cache" } } };
        await cluster.CreateAsync(tier);

        await Poll.UntilAsync(async () => Conditions.Find((await cluster.GetTierAsync("consumer")).Status?.Conditions, ConditionTypes.Ready)?.Reason == "DependencyNotReady",
            Timeout, "DependencyNotReady");
        var ready = Conditions.Find((await cluster.GetTierAsync("consumer")).Status!.Conditions, ConditionTypes.Ready)!;
        Assert.Equal("False", ready.Status);
        Assert.Equal("RedisFailover cache does not exist", ready.Message);
        Assert.Null(await cluster.DeploymentAsync("consumer"));

        var redis = await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync<RedisFailover>(
            new RedisFailover { Metadata = new V1ObjectMeta { Name = "cache", NamespaceProperty = ClusterUnderTest.Namespace } },
            RedisFailover.Group, RedisFailover.Version, ClusterUnderTest.Namespace, RedisFailover.Plural);
        await Poll.UntilAsync(async () => Conditions.Find((await cluster.GetTierAsync("consumer")).Status?.Conditions, ConditionTypes.Ready)?.Message
            == "RedisFailover cache has no Sentinel endpoint yet", Timeout, "waiting on the endpoint");

        redis.Status = new RedisFailoverStatus { Endpoints = new RedisEndpoints { Sentinel = "cache-sentinel.shop.svc:26379", MasterName = "mymaster" } };
        await cluster.Client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(
            redis, RedisFailover.Group, RedisFailover.Version, ClusterUnderTest.Namespace, RedisFailover.Plural, "cache");

        await Poll.UntilAsync(async () => await cluster.DeploymentAsync("consumer") is not null, Timeout, "deployment once redis is there");
        var env = (await cluster.DeploymentAsync("consumer"))!.Spec.Template.Spec.Containers[0].Env.ToDictionary(e => e.Name);
        Assert.Equal("cache-sentinel.shop.svc:26379", env["REDIS_SENTINELS"].Value);
        Assert.Equal("mymaster", env["REDIS_MASTER_NAME"].Value);
        Assert.Equal("cache-redis-auth", env["REDIS_PASSWORD"].ValueFrom.SecretKeyRef.Name);
    }

    [Fact]
    public async Task ProbesAndMetricsAreServed()
    {
        await cluster.CreateAsync(TestTiers.Web("observed"));
        await Poll.UntilAsync(() => op.Reconciles() > 0, Timeout, "a reconcile");
        using var http = new HttpClient { BaseAddress = op.HttpAddress };

        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
        Assert.Equal("ok", await http.GetStringAsync("/readyz"));
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("controller_runtime_reconcile_total{controller=\"apptier\",result=\"success\"}", metrics);
        Assert.Contains("workqueue_adds_total{name=\"apptier\"}", metrics);
        Assert.Contains("controller_runtime_max_concurrent_reconciles{controller=\"apptier\"} 4", metrics);
        Assert.Contains("rest_client_requests_total{code=\"201\",method=\"POST\"", metrics);
        Assert.Contains("workqueue_longest_running_processor_seconds{name=\"apptier\"}", metrics);
    }

    private async Task<V1Condition> DegradedAsync(string name)
    {
        V1Condition? degraded = null;
        await Poll.UntilAsync(async () =>
        {
            degraded = Conditions.Find((await cluster.GetTierAsync(name)).Status?.Conditions, ConditionTypes.Degraded);
            return degraded?.Status == "True";
        }, Timeout, $"{name} degraded");
        return degraded!;
    }
}
