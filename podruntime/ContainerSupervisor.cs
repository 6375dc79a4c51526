using BackendStack.PodRuntime.Probes;
using BackendStack.PodRuntime.Processes;
using BackendStack.PodRuntime.Volumes;
using k8s.Models;

namespace BackendStack.PodRuntime;

/// <summary>
/// Keeps one container going as the kubelet does: start, probe, restart under the Pod's
/// restartPolicy with exponential backoff, stop with SIGTERM then SIGKILL after the grace period.
/// </summary>
internal sealed class ContainerSupervisor(PodContext pod, V1Container container, bool isInit) : IDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private V1ContainerState state = Waiting(isInit ? "PodInitializing" : "ContainerCreating", null);
    private V1ContainerState? lastState;
    private V1ContainerState? lastTerminated;
    private bool ready;
    private bool started;
    private int runs;
    private ContainerProcess? process;
    private ProbeTarget? target;

    public string Name => container.Name;

    /// <summary>Exited and will not be started again.</summary>
    public bool Finished { get; private set; }

    public bool Succeeded => Finished && state.Terminated?.ExitCode == 0;

    public int? Pid => process is { Exited.IsCompleted: false } current ? current.CommandPid : null;

    public int RestartCount => Math.Max(0, runs - 1);

    /// <summary>How to run a command inside the running container (its namespaces and environment), or null when it does not run.</summary>
    /// <remarks>Read under the lock a restart writes the process, state and target under, so one run's target is never paired with another's process.</remarks>
    public ProbeTarget? ExecTarget
    {
        get
        {
            lock (gate)
            {
                return process is { Exited.IsCompleted: false } && state.Running is not null ? target : null;
            }
        }
    }

    public V1ContainerStatus Snapshot()
    {
        lock (gate)
        {
            return new V1ContainerStatus
            {
                Name = container.Name,
                Image = container.Image,
                ImageID = container.Image,
                ContainerID = state.Running is not null && process is not null ? $"local://{pod.Uid}/{container.Name}/{process.LauncherPid}" : null,
                Ready = ready,
                Started = started,
                RestartCount = RestartCount,
                State = state,
                LastState = lastState ?? new V1ContainerState(),
            };
        }
    }

    /// <summary>Shown while the Pod cannot start containers yet (volumes not ready).</summary>
    public void SetWaiting(string reason, string message) => Update(() =>
    {
        lastState = lastTerminated;
        state = Waiting(reason, message);
    });

    public void Dispose()
    {
        stopping.Dispose();
        process?.Dispose();
    }

    public async Task RunAsync()
    {
        var token = stopping.Token;
        var backoff = TimeSpan.Zero;
        while (!token.IsCancellationRequested)
        {
            var run = TryStart();
            if (run is null)
            {
                await SleepAsync(pod.Options.SyncInterval * 2, token).ConfigureAwait(false);
                continue;
            }

            var (current, target) = run.Value;
            var killedByProbe = await SuperviseAsync(current, target, token).ConfigureAwait(false);
            var exitCode = current.Exited.Result;
            current.KillAll();
            ProcessSweeper.KillAll(ProcessMarker.ContainerVariable, ProcessMarker.Container(pod.RuntimeId, pod.Uid, container.Name));
            RuntimeLog.ContainerExited(pod.Logger, pod.Key, container.Name, exitCode);
            var finishedAt = pod.Now;
            Update(() =>
            {
                state = new V1ContainerState
                {
                    Terminated = new V1ContainerStateTerminated
                    {
                        ExitCode = exitCode,
                        Reason = exitCode == 0 ? "Completed" : "Error",
                        StartedAt = current.StartedAt.UtcDateTime,
                        FinishedAt = finishedAt.UtcDateTime,
                        ContainerID = $"local://{pod.Uid}/{container.Name}/{current.LauncherPid}",
                    },
                };
                lastTerminated = state;
                ready = false;
                started = false;
            });
            if (token.IsCancellationRequested || !ShouldRestart(exitCode, killedByProbe))
            {
                Finished = !token.IsCancellationRequested;
                pod.Changed();
                return;
            }

            backoff = finishedAt - current.StartedAt > pod.Options.RestartBackoffReset ? TimeSpan.Zero : backoff;
            if (backoff > TimeSpan.Zero)
            {
                var message = $"back-off {backoff.TotalSeconds:0.#}s restarting failed container={container.Name} pod={pod.Key.Name}";
                SetWaiting("CrashLoopBackOff", message);
                await SleepAsync(backoff, token).ConfigureAwait(false);
            }
            else
            {
                await SleepAsync(pod.Options.RestartDelay, token).ConfigureAwait(false);
            }

            backoff = backoff == TimeSpan.Zero ? pod.Options.RestartBackoffInitial
                : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, pod.Options.RestartBackoffMax.Ticks));
        }
    }

    /// <summary>Stops the container for good: SIGTERM, then SIGKILL to its whole process group after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        var current = process;
        if (current is null || current.Exited.IsCompleted)
        {
            return;
        }

        current.Signal(Signals.Term);
        await Task.WhenAny(current.Exited, Task.Delay(grace, pod.Options.Time)).ConfigureAwait(false);
        if (!current.Exited.IsCompleted)
        {
            current.KillAll();
            await Task.WhenAny(current.Exited, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        }
    }

    /// <summary>SIGKILLs the container's processes as a crash would; the restart policy then applies. False when not running.</summary>
    public bool Kill(int signal)
    {
        var current = process;
        if (current is null || current.Exited.IsCompleted)
        {
            return false;
        }

        return current.Signal(signal);
    }

    private (ContainerProcess Process, ProbeTarget Target)? TryStart()
    {
        try
        {
            var run = ContainerRun.Start(pod, container, runs);
            Update(() =>
            {
                runs++;
                lastState = lastTerminated;
                var previous = process;
                process = run.Process;
                target = run.Probe;
                previous?.Dispose();
                state = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = run.Process.StartedAt.UtcDateTime } };
                started = container.StartupProbe is null;
                ready = started && container.ReadinessProbe is null && !isInit;
            });
            RuntimeLog.ContainerStarted(pod.Logger, pod.Key, container.Name, run.Process.LauncherPid, RestartCount);
            return run;
        }
        catch (Exception e) when (e is NoLocalEquivalentException or ContainerConfigException or VolumeSourceException or IOException)
        {
            var reason = e switch
            {
                NoLocalEquivalentException local => local.Reason,
                ContainerConfigException => "CreateContainerConfigError",
                _ => "RunContainerError",
            };
            RuntimeLog.ContainerWaiting(pod.Logger, pod.Key, container.Name, reason, e.Message);
            SetWaiting(reason, e.Message);
            return null;
        }
    }

    /// <summary>Probes the running container until it exits; returns true when a liveness or startup probe killed it.</summary>
    private async Task<bool> SuperviseAsync(ContainerProcess current, ProbeTarget target, CancellationToken token)
    {
        using var probing = CancellationTokenSource.CreateLinkedTokenSource(token);
        var probes = new ContainerProbes(pod, container, target, current, isInit, SetProbeResult);
        var probeTask = probes.RunAsync(probing.Token);
        await current.Exited.ConfigureAwait(false);
        await probing.CancelAsync().ConfigureAwait(false);
        await probeTask.ConfigureAwait(false);
        return probes.KilledContainer;
    }

    private void SetProbeResult(bool? isReady, bool? isStarted) => Update(() =>
    {
        ready = isReady ?? ready;
        started = isStarted ?? started;
    });

    private bool ShouldRestart(int exitCode, bool killedByProbe)
    {
        var policy = pod.Pod.Spec.RestartPolicy ?? "Always";
        return isInit
            ? exitCode != 0 && policy != "Never"
            : policy == "Always" || (policy == "OnFailure" && (exitCode != 0 || killedByProbe));
    }

    private void Update(Action change)
    {
        lock (gate)
        {
            change();
        }

        pod.Changed();
    }

    private static async Task SleepAsync(TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop condition ends the run.
        }
    }

    private static V1ContainerState Waiting(string reason, string? message) =>
        new() { Waiting = new V1ContainerStateWaiting { Reason = reason, Message = message } };
}
