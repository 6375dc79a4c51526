using BackendStack.Operator.RedisFailovers.Builders;

namespace BackendStack.Tests.RedisPolicy;

public sealed class MasterRestartWaitTests
{
    [Fact]
    public void ARestartedMasterWaitsSentinelsWholeTimeToActPlusTwoSecondsRoundedUp()
    {
        var rf = Resources.Rf(s =>
        {
            s.Sentinel.DownAfterMilliseconds = 5000;
            s.Sentinel.FailoverTimeout = 10_001;
        });

        Assert.Equal(5 + 21 + 2, MasterRestartWait.Seconds(rf.Spec));
    }

    [Fact]
    public void TheWaitLeavesRedisHalfAMinuteOfTheStartupProbesBudgetAndLivenessWaitsForStartup()
    {
        var rf = Resources.Rf(s =>
        {
            s.Sentinel.DownAfterMilliseconds = 30_000;
            s.Sentinel.FailoverTimeout = 180_000;
        });

        Assert.Equal(MasterRestartWait.MaxSeconds, MasterRestartWait.Seconds(rf.Spec));
        var container = StatefulSetBuilder.Redis(rf, RedisConfigBuilder.Build(rf.Spec.Redis)).Spec.Template.Spec.Containers[0];
        var startupBudget = container.StartupProbe.PeriodSeconds * container.StartupProbe.FailureThreshold;
        Assert.True(MasterRestartWait.MaxSeconds + 30 <= startupBudget, $"wait {MasterRestartWait.MaxSeconds} s, startup probe gives up after {startupBudget} s");
        Assert.Equal("6379", container.StartupProbe.TcpSocket.Port.Value);
    }

    [Fact]
    public void ASingleRedisHasNobodyToFailOverToAndDoesNotWait()
    {
        var rf = Resources.Rf(s => s.Redis.Replicas = 1);

        Assert.Equal(0, MasterRestartWait.Seconds(rf.Spec));
    }

    [Fact]
    public void TheRedisConfigMapCarriesTheWaitWhereTheStartScriptReadsIt()
    {
        var rf = Resources.Rf(s =>
        {
            s.Redis.Replicas = 3;
            s.Sentinel.DownAfterMilliseconds = 1000;
            s.Sentinel.FailoverTimeout = 3000;
        });

        var data = ConfigMapBuilder.Redis(rf, RedisConfigBuilder.Build(rf.Spec.Redis)).Data;

        Assert.Equal("9", data[ConfigMapBuilder.MasterRestartWaitKey]);
        Assert.Contains($"/etc/redis/{ConfigMapBuilder.MasterRestartWaitKey}", data[ConfigMapBuilder.StartScriptKey], StringComparison.Ordinal);
    }
}
