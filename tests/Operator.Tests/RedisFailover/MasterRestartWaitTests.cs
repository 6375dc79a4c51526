using BackendStack.Operator.RedisFailovers.Builders;

namespace BackendStack.Tests.RedisPolicy;

public sealed class MasterRestartWaitTests
{
    [Fact]
    public void ARestartedMasterWaitsDownAfterPlusOneFailoverTimeoutRoundedUp()
    {
        var rf = Resources.Rf(s =>
        {
            s.Sentinel.DownAfterMilliseconds = 5000;
            s.Sentinel.FailoverTimeout = 10_001;
        });

        Assert.Equal(16, MasterRestartWait.Seconds(rf.Spec));
    }

    [Fact]
    public void TheWaitStaysBelowTheLivenessProbesFirstKill()
    {
        var rf = Resources.Rf(s =>
        {
            s.Sentinel.DownAfterMilliseconds = 30_000;
            s.Sentinel.FailoverTimeout = 180_000;
        });

        Assert.Equal(MasterRestartWait.MaxSeconds, MasterRestartWait.Seconds(rf.Spec));
        var liveness = StatefulSetBuilder.Redis(rf, RedisConfigBuilder.Build(rf.Spec.Redis)).Spec.Template.Spec.Containers[0].LivenessProbe;
        var firstKill = liveness.InitialDelaySeconds + ((liveness.FailureThreshold - 1) * liveness.PeriodSeconds);
        Assert.True(MasterRestartWait.MaxSeconds < firstKill, $"wait {MasterRestartWait.MaxSeconds} s, liveness kills at {firstKill} s");
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

        Assert.Equal("4", data[ConfigMapBuilder.MasterRestartWaitKey]);
        Assert.Contains($"/etc/redis/{ConfigMapBuilder.MasterRestartWaitKey}", data[ConfigMapBuilder.StartScriptKey], StringComparison.Ordinal);
    }
}
