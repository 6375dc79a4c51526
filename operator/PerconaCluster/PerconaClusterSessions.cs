using System.Collections.Concurrent;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Hosting;
using MySqlConnector;

namespace BackendStack.Operator.PerconaClusters;

/// <summary>One <see cref="PerconaClusterSession"/> per PerconaCluster (a new one when the resource is recreated under the same name).</summary>
internal sealed class PerconaClusterSessions : IDataPlaneSessions
{
    private readonly ConcurrentDictionary<ObjectKey, PerconaClusterSession> sessions = new();

    public PerconaClusterSession Get(ObjectKey key, string uid)
    {
        var session = sessions.GetOrAdd(key, _ => new PerconaClusterSession(uid));
        if (session.Uid != uid)
        {
            session = new PerconaClusterSession(uid);
            sessions[key] = session;
        }

        return session;
    }

    public void Remove(ObjectKey key) => sessions.TryRemove(key, out _);

    public async Task CloseAllAsync()
    {
        sessions.Clear();
        await MySqlConnection.ClearAllPoolsAsync().ConfigureAwait(false);
    }
}
