using System.Collections.Concurrent;
using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Follower;
using BackendStack.Operator.Runtime;
using k8s;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.RedisFailovers;

/// <summary>
/// One <see cref="RedisFailoverSession"/> per RedisFailover, kept between reconciles so connections
/// and sentinel subscriptions live on. A followed failover calls <see cref="OnSwitch"/>, any other
/// announcement <see cref="OnAlert"/> (the controller enqueues the resource there, so the check,
/// status and events follow at once).
/// </summary>
internal sealed class RedisFailoverSessions(IKubernetes client, TimeProvider time, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<ObjectKey, RedisFailoverSession> sessions = new();

    public Func<ObjectKey, MasterSwitch, Task> OnSwitch { get; set; } = (_, _) => Task.CompletedTask;

    public Func<ObjectKey, SentinelEvent, Task> OnAlert { get; set; } = (_, _) => Task.CompletedTask;

    public async Task<RedisFailoverSession> GetAsync(ObjectKey key, string uid, string password)
    {
        if (sessions.TryGetValue(key, out var existing))
        {
            if (existing.Uid == uid && existing.Password == password)
            {
                return existing;
            }

            await RemoveAsync(key).ConfigureAwait(false);
        }

        return sessions.GetOrAdd(key, k => new RedisFailoverSession(k.Namespace, k.Name, uid, password, client, time, change => OnSwitch(k, change), alert => OnAlert(k, alert), loggers));
    }

    public async Task RemoveAsync(ObjectKey key)
    {
        if (sessions.TryRemove(key, out var session))
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var key in sessions.Keys)
        {
            await RemoveAsync(key).ConfigureAwait(false);
        }
    }
}
