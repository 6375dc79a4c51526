using System.Collections.Concurrent;
using BackendStack.Operator.RedisFailovers.Follower;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Hosting;
using k8s;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.RedisFailovers;

/// <summary>
/// One <see cref="RedisFailoverSession"/> per RedisFailover, kept between reconciles so connections
/// and sentinel subscriptions live on. A session's follower calls the <see cref="RedisFailoverWakeups"/>
/// it was made with: a followed failover and any other announcement wake the controller, so the
/// check, status and events follow at once.
/// </summary>
internal sealed class RedisFailoverSessions(IKubernetes client, TimeProvider time, ILoggerFactory loggers, RedisFailoverMetrics metrics) : IDataPlaneSessions, IAsyncDisposable
{
    private readonly ConcurrentDictionary<ObjectKey, RedisFailoverSession> sessions = new();

    /// <summary>The session of <paramref name="key"/>; a new one (reporting to <paramref name="wakeups"/>) when there is none or the resource or its password changed.</summary>
    public async Task<RedisFailoverSession> GetAsync(ObjectKey key, string uid, string password, RedisFailoverWakeups wakeups)
    {
        ArgumentNullException.ThrowIfNull(wakeups);
        if (sessions.TryGetValue(key, out var existing))
        {
            if (existing.Uid == uid && existing.Password == password)
            {
                return existing;
            }

            await RemoveAsync(key).ConfigureAwait(false);
        }

        return sessions.GetOrAdd(key, k => new RedisFailoverSession(
            k.Namespace, k.Name, uid, password, client, time, metrics, change => wakeups.SwitchedAsync(k, change), alert => wakeups.AlertedAsync(k), loggers));
    }

    public async Task RemoveAsync(ObjectKey key)
    {
        if (sessions.TryRemove(key, out var session))
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async Task CloseAllAsync()
    {
        foreach (var key in sessions.Keys)
        {
            await RemoveAsync(key).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await CloseAllAsync().ConfigureAwait(false);
}
