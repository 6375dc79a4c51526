namespace BackendStack.Operator.Runtime.Events;

/// <summary>
/// client-go's EventSourceObjectSpamFilter: each involved object has a token bucket (burst 25, one token back every
/// five minutes), so a flapping object cannot flood the API with events.
/// </summary>
internal sealed class EventSpamFilter(TimeProvider time, int burst = 25, double refillPerSecond = 1.0 / 300)
{
    private readonly Dictionary<string, (double Tokens, DateTimeOffset Last)> buckets = [];
    private readonly Lock gate = new();

    public bool Allow(string involvedObject)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var (tokens, last) = buckets.TryGetValue(involvedObject, out var bucket) ? bucket : (burst, now);
            tokens = Math.Min(burst, tokens + ((now - last).TotalSeconds * refillPerSecond));
            var allowed = tokens >= 1;
            buckets[involvedObject] = (allowed ? tokens - 1 : tokens, now);
            return allowed;
        }
    }
}
