namespace BackendStack.Operator.Runtime.Queue;

/// <summary>
/// The waiting room of the delaying queue: items with a due time, released to <c>add</c> by one timer on the
/// injected clock set to the earliest due time. An item waits once, at its earliest requested time.
/// </summary>
internal sealed class DelayedAdds<T> : IDisposable
    where T : notnull
{
    private readonly Lock gate = new();
    private readonly PriorityQueue<T, DateTimeOffset> byDueTime = new();
    private readonly Dictionary<T, DateTimeOffset> dueTimes = [];
    private readonly TimeProvider time;
    private readonly Action<T> add;
    private readonly ITimer timer;
    private bool disposed;

    public DelayedAdds(TimeProvider time, Action<T> add)
    {
        this.time = time;
        this.add = add;
        timer = time.CreateTimer(_ => Release(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return dueTimes.Count;
            }
        }
    }

    public void Schedule(T item, DateTimeOffset due)
    {
        lock (gate)
        {
            if (disposed || (dueTimes.TryGetValue(item, out var existing) && existing <= due))
            {
                return;
            }

            dueTimes[item] = due;
            byDueTime.Enqueue(item, due);
            Rearm();
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            dueTimes.Clear();
            byDueTime.Clear();
        }

        timer.Dispose();
    }

    private void Release()
    {
        var ready = new List<T>();
        lock (gate)
        {
            var now = time.GetUtcNow();
            while (byDueTime.TryPeek(out var item, out var due) && due <= now)
            {
                byDueTime.Dequeue();

                // A superseded (later) entry of an item that was rescheduled earlier is skipped here.
                if (dueTimes.TryGetValue(item, out var current) && current == due)
                {
                    dueTimes.Remove(item);
                    ready.Add(item);
                }
            }

            Rearm();
        }

        foreach (var item in ready)
        {
            add(item);
        }
    }

    private void Rearm()
    {
        if (disposed)
        {
            return;
        }

        if (!byDueTime.TryPeek(out _, out var next))
        {
            timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var wait = next - time.GetUtcNow();
        timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
