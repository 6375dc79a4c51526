using System.Collections.Concurrent;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Hosting;

namespace BackendStack.Operator.ProxySQLs;

/// <summary>One <see cref="ProxySqlSession"/> per ProxySQL (a new one when the resource is recreated under the same name).</summary>
internal sealed class ProxySqlSessions : IDataPlaneSessions
{
    private readonly ConcurrentDictionary<ObjectKey, ProxySqlSession> sessions = new();

    public ProxySqlSession Get(ObjectKey key, string uid)
    {
        var session = sessions.GetOrAdd(key, _ => new ProxySqlSession(uid));
        if (session.Uid != uid)
        {
            session = new ProxySqlSession(uid);
            sessions[key] = session;
        }

        return session;
    }

    public void Remove(ObjectKey key) => sessions.TryRemove(key, out _);

    public Task CloseAllAsync()
    {
        sessions.Clear();
        return Task.CompletedTask;
    }
}
