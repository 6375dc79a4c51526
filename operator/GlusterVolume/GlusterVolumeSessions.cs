using System.Collections.Concurrent;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Hosting;

namespace BackendStack.Operator.GlusterVolumes;

/// <summary>One <see cref="GlusterVolumeSession"/> per GlusterVolume (a new one when the resource is recreated under the same name); no connection to close.</summary>
internal sealed class GlusterVolumeSessions : IDataPlaneSessions
{
    private readonly ConcurrentDictionary<ObjectKey, GlusterVolumeSession> sessions = new();

    public GlusterVolumeSession Get(ObjectKey key, string uid)
    {
        var session = sessions.GetOrAdd(key, _ => new GlusterVolumeSession(uid));
        if (session.Uid != uid)
        {
            session = new GlusterVolumeSession(uid);
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
