using BackendStack.Operator.Runtime.Queue;
using Microsoft.Extensions.Time.Testing;

namespace BackendStack.Tests.Runtime;

public sealed class WorkQueueTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task AnItemAddedTwiceWhileWaitingIsHandedOutOnce()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Add("b");
        queue.Add("a");

        Assert.Equal(2, queue.Count);
        Assert.Equal("a", (await queue.GetAsync(default)).Item);
        Assert.Equal("b", (await queue.GetAsync(default)).Item);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task AnItemAddedWhileProcessingIsNotHandedToASecondWorkerUntilDone()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var (item, _) = await queue.GetAsync(default);
        queue.Add("a");

        var second = queue.GetAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        Assert.Equal(0, queue.Count);

        queue.Done(item!);
        Assert.Equal("a", (await second.WaitAsync(TimeSpan.FromSeconds(5))).Item);
    }

    [Fact]
    public async Task DoneWithoutReAddLeavesTheQueueEmpty()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var (item, _) = await queue.GetAsync(default);
        queue.Done(item!);

        Assert.Equal(0, queue.Count);
        queue.Add("a");
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void AddAfterWaitsForTheClock()
    {
        using var queue = NewQueue();
        queue.AddAfter("a", TimeSpan.FromSeconds(10));

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, queue.Count);
        Assert.Equal(1, queue.DelayedCount);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Count);
        Assert.Equal(0, queue.DelayedCount);
    }

    [Fact]
    public void TheEarliestOfTwoDelayedAddsWinsAndTheItemArrivesOnce()
    {
        using var queue = NewQueue();
        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(2));
        queue.AddAfter("a", TimeSpan.FromSeconds(5));

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, queue.Count);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void DelayedItemsAreReleasedInDueOrder()
    {
        using var queue = NewQueue();
        queue.AddAfter("late", TimeSpan.FromSeconds(3));
        queue.AddAfter("early", TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Count);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, queue.Count);
    }

    [Fact]
    public void RateLimitedAddsBackOffPerItemAndForgetResets()
    {
        using var queue = new WorkQueue<string>(
            new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(100)), time);
        queue.AddRateLimited("a");
        queue.AddRateLimited("a");
        Assert.Equal(2, queue.NumRequeues("a"));

        // The first retry waits 1 s, the second 2 s; the earlier one wins in the waiting room.
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Count);

        queue.Forget("a");
        Assert.Equal(0, queue.NumRequeues("a"));
    }

    [Fact]
    public async Task ShutDownWakesWaitersAndStillHandsOutQueuedItems()
    {
        using var queue = NewQueue();
        var waiting = queue.GetAsync(CancellationToken.None);
        queue.ShutDown();
        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Shutdown);

        using var draining = NewQueue();
        draining.Add("a");
        draining.ShutDown();
        draining.Add("b");
        Assert.Equal("a", (await draining.GetAsync(default)).Item);
        Assert.True((await draining.GetAsync(default)).Shutdown);
    }

    [Fact]
    public async Task ConcurrentWorkersNeverHoldTheSameKey()
    {
        using var queue = new WorkQueue<int>(new ItemExponentialFailureRateLimiter<int>(TimeSpan.Zero, TimeSpan.Zero), TimeProvider.System);
        var holding = new HashSet<int>();
        var overlaps = 0;
        var processed = 0;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var (item, shutdown) = await queue.GetAsync(stop.Token);
                if (shutdown)
                {
                    return;
                }

                lock (holding)
                {
                    overlaps += holding.Add(item) ? 0 : 1;
                }

                await Task.Yield();
                lock (holding)
                {
                    holding.Remove(item);
                }

                Interlocked.Increment(ref processed);
                queue.Done(item);
            }
        })).ToArray();

        for (var i = 0; i < 2000; i++)
        {
            queue.Add(i % 5);
        }

        await WaitUntil(() => queue.Count == 0 && processed > 0);
        queue.ShutDown();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, overlaps);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    private WorkQueue<string> NewQueue() => new(ControllerRateLimiter.Create<string>(time), time);
}
