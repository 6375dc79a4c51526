using BackendStack.Operator.Runtime.Monitoring;

namespace BackendStack.Operator.Runtime.Queue;

/// <summary>
/// A port of client-go's rate-limiting work queue. An item waiting in the queue is held once however often it is
/// added (dirty set); an item being processed is never handed to a second worker, and re-adding it meanwhile
/// queues it again once <see cref="Done"/> is called (processing set). Delayed adds wait on the injected clock.
/// </summary>
internal sealed class WorkQueue<T> : IDisposable
    where T : notnull
{
    private readonly Lock gate = new();
    private readonly Queue<T> queue = new();
    private readonly HashSet<T> dirty = [];
    private readonly HashSet<T> processing = [];
    private readonly Dictionary<T, DateTimeOffset> addedAt = [];
    private readonly Dictionary<T, DateTimeOffset> startedAt = [];
    private readonly DelayedAdds<T> delayed;
    private readonly IRateLimiter<T> rateLimiter;
    private readonly TimeProvider time;
    private readonly WorkQueueMetrics? metrics;
    private TaskCompletionSource? itemsAvailable;
    private bool shuttingDown;

    public WorkQueue(IRateLimiter<T> rateLimiter, TimeProvider time, WorkQueueMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(rateLimiter);
        ArgumentNullException.ThrowIfNull(time);
        this.rateLimiter = rateLimiter;
        this.time = time;
        this.metrics = metrics;
        delayed = new DelayedAdds<T>(time, Add);
    }

    /// <summary>Items waiting to be handed out (not counting delayed adds or items being processed).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return queue.Count;
            }
        }
    }

    /// <summary>Items scheduled by <see cref="AddAfter"/> that are not due yet.</summary>
    public int DelayedCount => delayed.Count;

    public bool IsShuttingDown
    {
        get
        {
            lock (gate)
            {
                return shuttingDown;
            }
        }
    }

    public void Add(T item)
    {
        lock (gate)
        {
            if (shuttingDown || !dirty.Add(item))
            {
                return;
            }

            addedAt.TryAdd(item, time.GetUtcNow());
            if (processing.Contains(item))
            {
                return;
            }

            queue.Enqueue(item);
            metrics?.Added(queue.Count);
            Signal();
        }
    }

    /// <summary>Adds the item once <paramref name="delay"/> has passed; an earlier pending add of the same item wins.</summary>
    public void AddAfter(T item, TimeSpan delay)
    {
        if (IsShuttingDown)
        {
            return;
        }

        if (delay <= TimeSpan.Zero)
        {
            Add(item);
            return;
        }

        delayed.Schedule(item, time.GetUtcNow() + delay);
    }

    /// <summary>Adds the item after the rate limiter's delay for it (a retry).</summary>
    public void AddRateLimited(T item)
    {
        metrics?.Retried();
        AddAfter(item, rateLimiter.When(item));
    }

    /// <summary>Stops the backoff of an item that succeeded.</summary>
    public void Forget(T item) => rateLimiter.Forget(item);

    public int NumRequeues(T item) => rateLimiter.NumRequeues(item);

    /// <summary>Waits for the next item. Returns <c>Shutdown = true</c> once the queue is shut down and empty.</summary>
    public async Task<(T? Item, bool Shutdown)> GetAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (gate)
            {
                if (queue.Count > 0)
                {
                    var item = queue.Dequeue();
                    processing.Add(item);
                    dirty.Remove(item);
                    var now = time.GetUtcNow();
                    startedAt[item] = now;
                    metrics?.Taken(queue.Count, addedAt.Remove(item, out var added) ? now - added : TimeSpan.Zero);
                    return (item, false);
                }

                if (shuttingDown)
                {
                    return (default, true);
                }

                itemsAvailable ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = itemsAvailable.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Marks the item as processed; if it was added meanwhile it is queued again now.</summary>
    public void Done(T item)
    {
        lock (gate)
        {
            processing.Remove(item);
            if (startedAt.Remove(item, out var started))
            {
                metrics?.Finished(time.GetUtcNow() - started);
            }

            if (dirty.Contains(item))
            {
                queue.Enqueue(item);
                metrics?.Added(queue.Count);
                Signal();
            }
        }
    }

    /// <summary>Refuses new items and wakes every waiting worker; items already queued are still handed out.</summary>
    public void ShutDown()
    {
        lock (gate)
        {
            shuttingDown = true;
            Signal();
        }

        delayed.Dispose();
    }

    /// <summary>Reports in-flight work for the unfinished-work and longest-running gauges.</summary>
    public void ReportInFlight()
    {
        if (metrics is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var total = TimeSpan.Zero;
        var longest = TimeSpan.Zero;
        lock (gate)
        {
            foreach (var started in startedAt.Values)
            {
                var running = now - started;
                total += running;
                longest = running > longest ? running : longest;
            }
        }

        metrics.InFlight(total, longest);
    }

    public void Dispose() => ShutDown();

    private void Signal()
    {
        var waiting = itemsAvailable;
        itemsAvailable = null;
        waiting?.TrySetResult();
    }
}
