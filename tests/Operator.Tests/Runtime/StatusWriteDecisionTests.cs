using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Writes;
using Microsoft.Extensions.Time.Testing;

namespace BackendStack.Tests.Runtime;

public sealed class StatusWriteDecisionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = StatusSettleWindow.Shortest;

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
        var window = new StatusSettleWindow(time);
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
        var window = new StatusSettleWindow(time);
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
        var window = new StatusSettleWindow(time);
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
        var window = new StatusSettleWindow(time);
        var key = new ObjectKey("ns", "web");

        window.Decide(key, changed: true, inBetween: true);
        time.Advance(Window);
        Assert.True(window.Decide(key, changed: true, inBetween: true).Write);

        // The write failed (no Forget): the retry writes at once instead of waiting another window.
        Assert.Equal(StatusWriteDecision.Now, window.Decide(key, changed: true, inBetween: true));
    }

    [Fact]
    public void TheWindowIsOneSecondForARolloutOnItsOwnAndGrowsWithABurstUpToTenSeconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), StatusSettleWindow.WindowFor(0));
        Assert.Equal(TimeSpan.FromSeconds(1), StatusSettleWindow.WindowFor(10));
        Assert.Equal(TimeSpan.FromSeconds(5), StatusSettleWindow.WindowFor(50));
        Assert.Equal(TimeSpan.FromSeconds(10), StatusSettleWindow.WindowFor(100));
        Assert.Equal(TimeSpan.FromSeconds(10), StatusSettleWindow.WindowFor(1000));
    }

    [Fact]
    public void InABurstEachTierThatSettlesWithinItsLongerWindowCostsOneWrite()
    {
        var time = new FakeTimeProvider(T0);
        var window = new StatusSettleWindow(time);
        var keys = Enumerable.Range(0, 200).Select(i => new ObjectKey("ns", $"t{i}")).ToList();

        var first = keys.Select(k => window.Decide(k, changed: true, inBetween: true)).ToList();
        time.Advance(TimeSpan.FromSeconds(8));
        var later = keys.Select(k => window.Decide(k, changed: true, inBetween: true)).ToList();

        Assert.All(first, d => Assert.False(d.Write));
        Assert.Equal(TimeSpan.FromSeconds(1), first[0].WaitFor);
        Assert.Equal(TimeSpan.FromSeconds(10), first[^1].WaitFor);
        Assert.Equal(StatusWriteDecision.Now, later[0]);
        Assert.Equal(new StatusWriteDecision(false, TimeSpan.FromSeconds(2)), later[^1]);
        Assert.Equal(StatusWriteDecision.Now, window.Decide(keys[^1], changed: true, inBetween: false));
    }

    [Fact]
    public void AWaitKeepsTheWindowItStartedWithWhenTheOthersSettle()
    {
        var time = new FakeTimeProvider(T0);
        var window = new StatusSettleWindow(time);
        var others = Enumerable.Range(0, 100).Select(i => new ObjectKey("ns", $"t{i}")).ToList();
        others.ForEach(k => window.Decide(k, changed: true, inBetween: true));
        var late = new ObjectKey("ns", "late");
        window.Decide(late, changed: true, inBetween: true);

        others.ForEach(window.Forget);
        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(new StatusWriteDecision(false, TimeSpan.FromSeconds(7)), window.Decide(late, changed: true, inBetween: true));
        time.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(StatusWriteDecision.Now, window.Decide(late, changed: true, inBetween: true));
    }
}
