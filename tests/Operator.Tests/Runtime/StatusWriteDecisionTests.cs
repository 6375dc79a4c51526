using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Writes;
using Microsoft.Extensions.Time.Testing;

namespace BackendStack.Tests.Runtime;

public sealed class StatusWriteDecisionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    [Fact]
    public void AnUnchangedStatusIsNeverWrittenWhateverItIs()
    {
        Assert.Equal(StatusWriteDecision.Nothing, StatusWriteDecision.For(changed: false, inBetween: false, null, T0, Window));
        Assert.Equal(StatusWriteDecision.Nothing, StatusWriteDecision.For(changed: false, inBetween: true, T0.AddSeconds(-5), T0, Window));
    }

    [Fact]
    public void AFinalStatusIsWrittenAtOnceEvenWhileAnInBetweenOneWaits()
    {
        Assert.Equal(StatusWriteDecision.Now, StatusWriteDecision.For(changed: true, inBetween: false, null, T0, Window));
        Assert.Equal(StatusWriteDecision.Now, StatusWriteDecision.For(changed: true, inBetween: false, T0.AddMilliseconds(-100), T0, Window));
    }

    [Fact]
    public void AnInBetweenStatusWaitsWhatIsLeftOfTheWindowThenIsWritten()
    {
        Assert.Equal(new StatusWriteDecision(false, Window), StatusWriteDecision.For(changed: true, inBetween: true, null, T0, Window));
        Assert.Equal(
            new StatusWriteDecision(false, TimeSpan.FromMilliseconds(300)),
            StatusWriteDecision.For(changed: true, inBetween: true, T0.AddMilliseconds(-700), T0, Window));
        Assert.Equal(StatusWriteDecision.Now, StatusWriteDecision.For(changed: true, inBetween: true, T0 - Window, T0, Window));
    }

    [Fact]
    public void ATierThatSettlesWithinTheWindowCostsOneWrite()
    {
        var time = new FakeTimeProvider(T0);
        var window = new StatusSettleWindow(Window, time);
        var key = new ObjectKey("ns", "web");

        var provisioning = window.Decide(key, changed: true, inBetween: true);
        time.Advance(TimeSpan.FromMilliseconds(400));
        var moreReplicas = window.Decide(key, changed: true, inBetween: true);
        time.Advance(TimeSpan.FromMilliseconds(200));
        var ready = window.Decide(key, changed: true, inBetween: false);

        Assert.Equal(new StatusWriteDecision(false, Window), provisioning);
        Assert.Equal(new StatusWriteDecision(false, TimeSpan.FromMilliseconds(600)), moreReplicas);
        Assert.Equal(StatusWriteDecision.Now, ready);
    }

    [Fact]
    public void ASlowTierShowsItsInBetweenStatusOnceTheWindowHasPassedAndEachLaterStepWaitsAnew()
    {
        var time = new FakeTimeProvider(T0);
        var window = new StatusSettleWindow(Window, time);
        var key = new ObjectKey("ns", "slow");

        Assert.False(window.Decide(key, changed: true, inBetween: true).Write);
        time.Advance(Window);
        Assert.Equal(StatusWriteDecision.Now, window.Decide(key, changed: true, inBetween: true));
        window.Forget(key);

        Assert.Equal(StatusWriteDecision.Nothing, window.Decide(key, changed: false, inBetween: true));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(new StatusWriteDecision(false, Window), window.Decide(key, changed: true, inBetween: true));
    }

    [Fact]
    public void AStatusThatCaughtUpByItselfStartsTheNextWindowAfresh()
    {
        var time = new FakeTimeProvider(T0);
        var window = new StatusSettleWindow(Window, time);
        var key = new ObjectKey("ns", "web");

        window.Decide(key, changed: true, inBetween: true);
        time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.Equal(StatusWriteDecision.Nothing, window.Decide(key, changed: false, inBetween: true));
        time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(new StatusWriteDecision(false, Window), window.Decide(key, changed: true, inBetween: true));
    }

    [Fact]
    public void AFailedWriteIsNotDeferredAgain()
    {
        var time = new FakeTimeProvider(T0);
        var window = new StatusSettleWindow(Window, time);
        var key = new ObjectKey("ns", "web");

        window.Decide(key, changed: true, inBetween: true);
        time.Advance(Window);
        Assert.True(window.Decide(key, changed: true, inBetween: true).Write);

        // The write failed (no Forget): the retry writes at once instead of waiting another window.
        Assert.Equal(StatusWriteDecision.Now, window.Decide(key, changed: true, inBetween: true));
    }
}
