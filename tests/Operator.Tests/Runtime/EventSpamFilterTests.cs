using BackendStack.Operator.Runtime.Events;
using Microsoft.Extensions.Time.Testing;

namespace BackendStack.Tests.Runtime;

public sealed class EventSpamFilterTests
{
    [Fact]
    public void AnObjectGetsABurstOf25EventsThenOneEveryFiveMinutes()
    {
        var time = new FakeTimeProvider();
        var filter = new EventSpamFilter(time);

        Assert.Equal(25, Enumerable.Range(0, 30).Count(_ => filter.Allow("ns/AppTier/web")));
        Assert.True(filter.Allow("ns/AppTier/other"));

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(filter.Allow("ns/AppTier/web"));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(filter.Allow("ns/AppTier/web"));
        Assert.False(filter.Allow("ns/AppTier/web"));
    }
}
