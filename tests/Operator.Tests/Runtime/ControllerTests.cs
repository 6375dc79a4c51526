using System.Collections.Concurrent;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Controllers;
using BackendStack.Operator.Runtime.Informers;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BackendStack.Tests.Runtime;

public sealed class ControllerTests
{
    private static readonly ObjectKey Key = new("ns", "a");
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task AnExceptionRequeuesWithGrowingBackoffAndSuccessForgetsIt()
    {
        var reconciler = new ScriptedReconciler(_ => throw new InvalidOperationException("boom"), _ => throw new InvalidOperationException("boom"),
            _ => ReconcileResult.Done);
        var (controller, stop) = Start(reconciler);
        controller.Queue.Add(Key);

        await WaitAsync(() => reconciler.Calls.Count == 1 && controller.Queue.DelayedCount == 1);
        time.Advance(TimeSpan.FromMilliseconds(4));
        await Task.Delay(50);
        Assert.Single(reconciler.Calls);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitAsync(() => reconciler.Calls.Count == 2 && controller.Queue.DelayedCount == 1);
        time.Advance(TimeSpan.FromMilliseconds(9));
        await Task.Delay(50);
        Assert.Equal(2, reconciler.Calls.Count);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitAsync(() => reconciler.Calls.Count == 3);
        await WaitAsync(() => controller.Queue.NumRequeues(Key) == 0);
        await stop.CancelAsync();
    }

    [Fact]
    public async Task ATerminalErrorIsNotRetried()
    {
        var reconciler = new ScriptedReconciler((Func<ObjectKey, ReconcileResult>)(_ => throw new TerminalReconcileException("spec.x is wrong")));
        var (controller, stop) = Start(reconciler);
        controller.Queue.Add(Key);

        await WaitAsync(() => reconciler.Calls.Count == 1);
        time.Advance(TimeSpan.FromHours(1));
        await Task.Delay(100);

        Assert.Single(reconciler.Calls);
        Assert.Equal(0, controller.Queue.DelayedCount);
        await stop.CancelAsync();
    }

    [Fact]
    public async Task RequeueAfterComesBackOnlyWhenItIsDue()
    {
        var reconciler = new ScriptedReconciler(_ => ReconcileResult.After(TimeSpan.FromSeconds(30)), _ => ReconcileResult.Done);
        var (controller, stop) = Start(reconciler);
        controller.Queue.Add(Key);

        await WaitAsync(() => reconciler.Calls.Count == 1 && controller.Queue.DelayedCount == 1);
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.Single(reconciler.Calls);

        time.Advance(TimeSpan.FromSeconds(1));
        await WaitAsync(() => reconciler.Calls.Count == 2);
        Assert.Equal(0, controller.Queue.NumRequeues(Key));
        await stop.CancelAsync();
    }

    [Fact]
    public async Task WorkersNeverReconcileOneKeyTwiceAtOnceButDoRunKeysInParallel()
    {
        var running = new ConcurrentDictionary<ObjectKey, int>();
        var overlaps = 0;
        var parallel = 0;
        var reconciler = new ScriptedReconciler(async key =>
        {
            if (running.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            parallel = Math.Max(parallel, running.Count(p => p.Value > 0));
            await Task.Delay(5);
            running.AddOrUpdate(key, 0, (_, n) => n - 1);
            return ReconcileResult.Done;
        });
        var (controller, stop) = Start(reconciler, workers: 4);

        for (var round = 0; round < 50; round++)
        {
            for (var k = 0; k < 4; k++)
            {
                controller.Queue.Add(new ObjectKey("ns", $"k{k}"));
            }

            await Task.Delay(1);
        }

        await WaitAsync(() => controller.Queue.Count == 0 && running.Values.All(v => v == 0));
        Assert.Equal(0, overlaps);
        Assert.True(parallel > 1, "different keys ran in parallel");
        await stop.CancelAsync();
    }

    private (Controller<V1ConfigMap> Controller, CancellationTokenSource Stop) Start(ScriptedReconciler reconciler, int workers = 1)
    {
        var informer = new Informer<V1ConfigMap>(new ScriptedClient(), new InformerOptions(), time, NullLogger.Instance);
        var controller = new Controller<V1ConfigMap>("test", informer, reconciler, new ControllerOptions(workers), time, NullLogger.Instance);
        var stop = new CancellationTokenSource();
        _ = Task.Run(() => controller.RunWorkersAsync(stop.Token), CancellationToken.None);
        return (controller, stop);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }

    /// <summary>Answers each call with the next step; the last step repeats.</summary>
    private sealed class ScriptedReconciler(params Func<ObjectKey, Task<ReconcileResult>>[] steps) : IReconciler
    {
        public ScriptedReconciler(params Func<ObjectKey, ReconcileResult>[] steps)
            : this(steps.Select(s => (Func<ObjectKey, Task<ReconcileResult>>)(k => Task.FromResult(s(k)))).ToArray())
        {
        }

        public ConcurrentQueue<ObjectKey> Calls { get; } = new();

        public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
        {
            var index = Calls.Count;
            Calls.Enqueue(key);
            return steps[Math.Min(index, steps.Length - 1)](key);
        }
    }
}
