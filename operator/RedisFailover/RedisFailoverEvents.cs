using BackendStack.Operator.Runtime.Events;
using k8s;
using k8s.Models;

namespace BackendStack.Operator.RedisFailovers;

/// <summary>Every step the operator takes on a RedisFailover is an Event: Normal when it succeeded, Warning when it failed.</summary>
internal static class RedisFailoverEvents
{
    public static void Step(this IEventRecorder events, IKubernetesObject<V1ObjectMeta> regarding, string reason, bool succeeded, string message)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (succeeded)
        {
            events.Normal(regarding, reason, message);
        }
        else
        {
            events.Warning(regarding, reason, message);
        }
    }

    /// <summary>What a step did, with the error it failed with, if any.</summary>
    public static string Outcome(string step, string? error) => step + (error is null ? "" : $" failed: {error}");
}
