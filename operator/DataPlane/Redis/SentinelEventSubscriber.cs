using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>
/// Follows the pub/sub channels of every sentinel of one RedisFailover and hands each message on
/// as a timestamped <see cref="SentinelEvent"/>. A sentinel that goes away is reconnected and
/// resubscribed by StackExchange.Redis on its own; <see cref="SetSentinelsAsync"/> adds and drops
/// sentinels when pods come and go.
/// </summary>
internal sealed partial class SentinelEventSubscriber(RedisConnectionPool pool, TimeProvider time, ILogger<SentinelEventSubscriber>? logger = null) : IAsyncDisposable
{
    private readonly Channel<SentinelEvent> events = Channel.CreateUnbounded<SentinelEvent>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Dictionary<RedisEndpoint, Action<RedisChannel, RedisValue>> handlers = [];
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ILogger log = logger ?? NullLogger<SentinelEventSubscriber>.Instance;

    public ChannelReader<SentinelEvent> Events => events.Reader;

    /// <summary>Subscribes to sentinels not yet followed and unsubscribes from those no longer listed.</summary>
    public async Task SetSentinelsAsync(IEnumerable<RedisEndpoint> sentinels, CancellationToken cancellationToken)
    {
        var wanted = sentinels.ToHashSet();
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var gone in handlers.Keys.Where(k => !wanted.Contains(k)).ToList())
            {
                await UnsubscribeAsync(gone).ConfigureAwait(false);
            }

            foreach (var sentinel in wanted.Where(s => !handlers.ContainsKey(s)))
            {
                await SubscribeAsync(sentinel).ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Whether the subscription to this sentinel is currently live.</summary>
    public async Task<bool> IsConnectedAsync(RedisEndpoint sentinel)
    {
        var connection = await pool.GetAsync(sentinel, sentinel: true).ConfigureAwait(false);
        return connection.GetSubscriber().IsConnected(RedisChannel.Literal("+switch-master"));
    }

    public async ValueTask DisposeAsync()
    {
        await SetSentinelsAsync([], CancellationToken.None).ConfigureAwait(false);
        events.Writer.TryComplete();
        gate.Dispose();
    }

    private async Task SubscribeAsync(RedisEndpoint sentinel)
    {
        void OnMessage(RedisChannel channel, RedisValue message)
        {
            var parsed = SentinelEventParser.Parse(channel.ToString(), message.ToString(), sentinel, time.GetUtcNow());
            if (parsed is not null)
            {
                events.Writer.TryWrite(parsed);
            }
        }

        handlers[sentinel] = OnMessage;
        var subscriber = (await pool.GetAsync(sentinel, sentinel: true).ConfigureAwait(false)).GetSubscriber();
        foreach (var channel in SentinelEventParser.Channels.Keys)
        {
            try
            {
                await subscriber.SubscribeAsync(RedisChannel.Literal(channel), OnMessage).ConfigureAwait(false);
            }
            catch (RedisConnectionException e)
            {
                // The subscription stays registered and is restored when the sentinel is reachable again.
                LogNotReachable(log, e, sentinel, channel);
            }
        }
    }

    private async Task UnsubscribeAsync(RedisEndpoint sentinel)
    {
        if (!handlers.Remove(sentinel, out var handler))
        {
            return;
        }

        var subscriber = (await pool.GetAsync(sentinel, sentinel: true).ConfigureAwait(false)).GetSubscriber();
        foreach (var channel in SentinelEventParser.Channels.Keys)
        {
            try
            {
                await subscriber.UnsubscribeAsync(RedisChannel.Literal(channel), handler).ConfigureAwait(false);
            }
            catch (RedisConnectionException)
            {
                // Nothing to undo on a connection that is gone.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sentinel {Sentinel} not reachable yet for {Channel}")]
    private static partial void LogNotReachable(ILogger logger, Exception exception, RedisEndpoint sentinel, string channel);
}
