using BackendStack.Operator.RedisFailovers;
using BackendStack.Operator.RedisFailovers.Follower;
using BackendStack.Operator.Runtime.Hosting;
using BackendStack.Operator.Runtime.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace BackendStack.Tests.RedisPolicy;

public sealed class RedisFailoverMetricsTests
{
    [Fact]
    public async Task EachOperatorInstanceCountsItsOwnFailoversAndServesThemWithTheRuntimeSeries()
    {
        await using var first = Operator();
        await using var second = Operator();
        var counted = first.GetRequiredService<RedisFailoverMetrics>();
        Assert.NotSame(counted, second.GetRequiredService<RedisFailoverMetrics>());

        counted.Failovers.WithLabels("shop", "cache").Inc();
        counted.FailoverReactionSeconds.WithLabels("shop", "cache").Observe(0.02);

        Assert.Equal(1, counted.Failovers.WithLabels("shop", "cache").Value);
        Assert.Equal(0, second.GetRequiredService<RedisFailoverMetrics>().Failovers.WithLabels("shop", "cache").Value);
        var served = await ExportAsync(first.GetRequiredService<ControllerRuntimeMetrics>().Registry);
        Assert.Contains("backendstack_redis_failovers_total{namespace=\"shop\",name=\"cache\"} 1", served, StringComparison.Ordinal);
        Assert.Contains("backendstack_redis_failover_reaction_seconds_count{namespace=\"shop\",name=\"cache\"} 1", served, StringComparison.Ordinal);
        var other = await ExportAsync(second.GetRequiredService<ControllerRuntimeMetrics>().Registry);
        Assert.Contains("backendstack_redis_failovers_total{namespace=\"shop\",name=\"cache\"} 0", other, StringComparison.Ordinal);
        Assert.DoesNotContain("backendstack_redis_failover_reaction_seconds_count{namespace=\"shop\",name=\"cache\"}", other, StringComparison.Ordinal);
    }

    private static ServiceProvider Operator() =>
        new ServiceCollection().AddLogging().AddControllerRuntime(new ControllerRuntimeOptions()).AddRedisFailoverController().BuildServiceProvider();

    private static async Task<string> ExportAsync(CollectorRegistry registry)
    {
        using var text = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(text);
        return System.Text.Encoding.UTF8.GetString(text.ToArray());
    }
}
