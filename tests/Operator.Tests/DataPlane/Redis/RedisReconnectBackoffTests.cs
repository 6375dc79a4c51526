using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Tests.DataPlane.Redis;

public sealed class RedisReconnectBackoffTests
{
    [Theory]
    [InlineData(0, 250)]
    [InlineData(1, 500)]
    [InlineData(2, 1000)]
    [InlineData(3, 2000)]
    [InlineData(4, 2000)]
    [InlineData(long.MaxValue, 2000)]
    public void DelayDoublesFrom250MsAndStopsAt2s(long failedAttempts, int expectedMs) =>
        Assert.Equal(expectedMs, RedisReconnectBackoff.DelayMs(failedAttempts));

    [Fact]
    public void RetriesOnlyOnceTheDelayForItsAttemptHasPassed()
    {
        var policy = new RedisReconnectBackoff();

        Assert.False(policy.ShouldRetry(0, 249));
        Assert.True(policy.ShouldRetry(0, 250));
        Assert.False(policy.ShouldRetry(10, 1999));
        Assert.True(policy.ShouldRetry(10, 2000));
    }
}
