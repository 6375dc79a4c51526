using BackendStack.Operator.RedisFailovers.Follower;
using BackendStack.Operator.RedisFailovers.Policy;
using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Events;
using BackendStack.Operator.Runtime.Informers;
using BackendStack.Operator.Runtime.Queue;

namespace BackendStack.Operator.RedisFailovers;

/// <summary>
/// What the sentinels' announcements do besides relabelling: a followed failover is recorded as an Event, and
/// every announcement about a resource's master enqueues the resource, so its check runs at once.
/// </summary>
internal sealed class RedisFailoverWakeups(ObjectCache<Api.RedisFailover> resources, IEventRecorder events, WorkQueue<ObjectKey> queue)
{
    public Task SwitchedAsync(ObjectKey key, MasterSwitch change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (resources.Get(key) is { } resource)
        {
            events.Normal(resource, HealReasons.MasterChanged, $"Sentinel failed over from {change.FromPod} to {change.ToPod}; master label moved {change.ReactionMilliseconds:F0} ms after +switch-master");
        }

        queue.Add(key);
        return Task.CompletedTask;
    }

    public Task AlertedAsync(ObjectKey key)
    {
        queue.Add(key);
        return Task.CompletedTask;
    }
}
