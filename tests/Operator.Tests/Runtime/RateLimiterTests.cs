using BackendStack.Operator.Runtime.Informers;
using BackendStack.Operator.Runtime.Queue;
using Microsoft.Extensions.Time.Testing;

namespace BackendStack.Tests.Runtime;

public sealed class RateLimiterTests
{
    [Fact]
    public void ItemBackoffDoublesFrom5MillisecondsUpTo1000Seconds()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));

        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(10), limiter.When("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(20), limiter.When("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("b"));
        for (var i = 0; i < 100; i++)
        {
            limiter.When("a");
        }

        Assert.Equal(TimeSpan.FromSeconds(1000), limiter.When("a"));
        limiter.Forget("a");
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("a"));
    }

    [Fact]
    public void TokenBucketAllowsTheBurstThenPacesAtQps()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucketRateLimiter<string>(qps: 10, burst: 3, time);

        Assert.Equal(TimeSpan.Zero, bucket.When("a"));
        Assert.Equal(TimeSpan.Zero, bucket.When("b"));
        Assert.Equal(TimeSpan.Zero, bucket.When("c"));
        Assert.Equal(100, bucket.When("d").TotalMilliseconds, 3);
        Assert.Equal(200, bucket.When("e").TotalMilliseconds, 3);

        // After a quiet second the bucket is full again, never fuller than the burst.
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, bucket.When("f"));
        Assert.Equal(TimeSpan.Zero, bucket.When("g"));
        Assert.Equal(TimeSpan.Zero, bucket.When("h"));
        Assert.True(bucket.When("i") > TimeSpan.Zero);
    }

    [Fact]
    public void TheControllerLimiterWaitsForTheLongerOfBackoffAndBucket()
    {
        var time = new FakeTimeProvider();
        var limiter = ControllerRateLimiter.Create<string>(time);

        // The first 100 retries fit the bucket, so the per-item backoff decides.
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("a"));
        for (var i = 0; i < 98; i++)
        {
            limiter.When($"x{i}");
        }

        // The bucket is now empty: a fresh item waits for the bucket (100 ms at 10 qps), not its 5 ms backoff.
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("b"));
        Assert.Equal(100, limiter.When("c").TotalMilliseconds, 3);
        Assert.Equal(1, limiter.NumRequeues("a"));
    }

    [Fact]
    public void ReconnectBackoffGrowsFrom800MillisecondsWithJitterAndStopsAt30Seconds()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(30), new Random(7));
        var delays = Enumerable.Range(0, 12).Select(_ => backoff.Next().TotalMilliseconds).ToList();

        Assert.InRange(delays[0], 800, 960);
        Assert.InRange(delays[1], 1600, 1920);
        Assert.InRange(delays[2], 3200, 3840);
        Assert.All(delays, d => Assert.InRange(d, 800, 30_000));
        Assert.Equal(30_000, delays[^1]);

        backoff.Reset();
        Assert.InRange(backoff.Next().TotalMilliseconds, 800, 960);
    }

    [Fact]
    public void ReconnectBackoffJittersSoInformersDoNotRetryInLockstep()
    {
        var a = new ReconnectBackoff(TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(30), new Random(1));
        var b = new ReconnectBackoff(TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(30), new Random(2));

        Assert.NotEqual(a.Next(), b.Next());
    }
}
