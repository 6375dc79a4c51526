using System.Collections.Concurrent;
using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Tests.Redis;

/// <summary>
/// What the sentinels said the master was, over time: until disposed, every running sentinel of the runner is asked
/// for the master's address in turn (SENTINEL get-master-addr-by-name), and each round is kept with when it ended
/// and which address each Redis pod had then, so a test can follow what Sentinel did while something else happened.
/// </summary>
internal sealed class SentinelMasterTimeline : IAsyncDisposable
{
    private readonly ConcurrentQueue<Sample> samples = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public SentinelMasterTimeline(RedisPodRunner runner, RedisConnectionPool pool, string masterName) =>
        loop = Task.Run(() => SampleAsync(runner, new SentinelClient(pool), masterName, stop.Token));

    /// <summary>Master addresses named by the sentinels that answered (one entry each), and each Redis pod's address, at <see cref="At"/> (UTC).</summary>
    public sealed record Sample(DateTime At, IReadOnlyList<string> Named, IReadOnlyDictionary<string, string> RedisHosts)
    {
        /// <summary>The address at least two sentinels named, if any.</summary>
        public string? MasterHost => Named.GroupBy(n => n).FirstOrDefault(g => g.Count() >= 2)?.Key;

        /// <summary>The running Redis pod at <see cref="MasterHost"/>, if any.</summary>
        public string? MasterPod => MasterHost is { } host ? RedisHosts.FirstOrDefault(p => p.Value == host).Key : null;
    }

    /// <summary>The first round that ended after <paramref name="time"/> with at least two sentinels answering.</summary>
    public Sample? FirstAfter(DateTime time) => samples.FirstOrDefault(s => s.At > time && s.Named.Count >= 2);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }

    private async Task SampleAsync(RedisPodRunner runner, SentinelClient sentinels, string masterName, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var pods = runner.Pods.ToDictionary(p => p, runner.Process);
            var named = new List<string>();
            foreach (var sentinel in pods.Where(p => p.Key.Contains("-sentinel-", StringComparison.Ordinal) && p.Value.IsRunning))
            {
                try
                {
                    if (await sentinels.GetMasterAddressAsync(new RedisEndpoint(sentinel.Value.Host, sentinel.Value.Port), masterName, cancellationToken) is { } master)
                    {
                        named.Add(master.Host);
                    }
                }
                catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException or OperationCanceledException)
                {
                    // A sentinel that does not answer (restarting in the roll) names nothing this round.
                }
            }

            samples.Enqueue(new Sample(DateTime.UtcNow, named, pods.Where(p => p.Key.Contains("-redis-", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value.Host)));
            try
            {
                await Task.Delay(20, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
