using k8s.Models;

namespace BackendStack.PodRuntime.Status;

/// <summary>
/// A Pod's status from its containers' statuses, as the kubelet computes it: phase, the
/// PodScheduled/Initialized/ContainersReady/Ready conditions (transition times kept while a
/// condition's status stays), addresses. Pure.
/// </summary>
public static class PodStatusCalculator
{
    private static readonly HashSet<string> NotRunnableReasons = ["NoLocalEquivalent", "PackagesMissing", "ExecutableNotFound"];

    public static V1PodStatus Compute(PodStatusInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var policy = input.Pod.Spec.RestartPolicy ?? "Always";
        var init = input.InitContainers;
        var app = input.Containers;
        var initialized = init.All(c => c.State?.Terminated?.ExitCode == 0);
        var initFailed = policy == "Never" && init.Any(c => c.State?.Terminated is { ExitCode: not 0 });
        var ready = initialized && app.Count > 0 && app.All(c => c.Ready);

        var phase = initFailed ? "Failed"
            : !initialized ? "Pending"
            : app.Count > 0 && app.All(c => Finished(c, policy)) ? (app.All(c => c.State.Terminated.ExitCode == 0) ? "Succeeded" : "Failed")
            : app.Any(c => c.State?.Running is not null || c.RestartCount > 0 || c.State?.Terminated is not null) ? "Running"
            : "Pending";

        var notReady = app.Where(c => !c.Ready).Select(c => c.Name).ToList();
        var blocked = init.Concat(app).FirstOrDefault(c => c.State?.Waiting?.Reason is { } r && NotRunnableReasons.Contains(r));
        var (reason, message) = blocked is not null
            ? (blocked.State.Waiting.Reason, blocked.State.Waiting.Message)
            : ("ContainersNotReady", $"containers with unready status: [{string.Join(' ', notReady)}]");
        var previous = input.Previous?.Conditions ?? [];
        var now = input.Now.UtcDateTime;
        var conditions = new List<V1PodCondition>
        {
            Condition(previous, "PodReadyToStartContainers", true, null, null, now),
            Condition(previous, "Initialized", initialized, "ContainersNotInitialized",
                $"containers with incomplete status: [{string.Join(' ', init.Where(c => c.State?.Terminated?.ExitCode != 0).Select(c => c.Name))}]", now),
            Condition(previous, "Ready", ready, reason, message, now),
            Condition(previous, "ContainersReady", ready, reason, message, now),
            Condition(previous, "PodScheduled", true, null, null, now),
        };

        return new V1PodStatus
        {
            Phase = phase,
            Conditions = conditions,
            HostIP = input.HostIP,
            HostIPs = [new V1HostIP { Ip = input.HostIP }],
            PodIP = input.Pod.Status?.PodIP,
            PodIPs = input.Pod.Status?.PodIP is { } ip ? [new V1PodIP { Ip = ip }] : null,
            StartTime = input.StartTime.UtcDateTime,
            QosClass = input.Pod.Status?.QosClass ?? "BestEffort",
            InitContainerStatuses = init.Count > 0 ? [.. init] : null,
            ContainerStatuses = [.. app],
        };
    }

    /// <summary>A container that exited and will not be started again under the restart policy.</summary>
    public static bool Finished(V1ContainerStatus status, string restartPolicy)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.State?.Terminated is { } terminated
            && (restartPolicy == "Never" || (restartPolicy == "OnFailure" && terminated.ExitCode == 0));
    }

    private static V1PodCondition Condition(
        IList<V1PodCondition> previous, string type, bool status, string? reason, string? message, DateTime now)
    {
        var value = status ? "True" : "False";
        var before = previous.FirstOrDefault(c => c.Type == type);
        return new V1PodCondition
        {
            Type = type,
            Status = value,
            Reason = status ? null : reason,
            Message = status ? null : message,
            LastProbeTime = null,
            LastTransitionTime = before?.Status == value ? before.LastTransitionTime : now,
        };
    }
}
