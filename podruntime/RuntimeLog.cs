using Microsoft.Extensions.Logging;

namespace BackendStack.PodRuntime;

/// <summary>The runtime's log messages.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Pod {Pod}: container {Container} started (pid {Pid}, run {Run})")]
    public static partial void ContainerStarted(ILogger logger, PodKey pod, string container, int pid, int run);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pod {Pod}: container {Container} exited with code {ExitCode}")]
    public static partial void ContainerExited(ILogger logger, PodKey pod, string container, int exitCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pod {Pod}: container {Container} failed its {Probe} probe, killing it")]
    public static partial void ProbeKill(ILogger logger, PodKey pod, string container, string probe);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pod {Pod}: container {Container} failed its {Probe} probe: {Detail}")]
    public static partial void ProbeFailed(ILogger logger, PodKey pod, string container, string probe, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pod {Pod}: container {Container}: probe log {Path} not written")]
    public static partial void ProbeLogFailed(ILogger logger, Exception exception, PodKey pod, string container, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pod {Pod}: container {Container} cannot start: {Reason}: {Message}")]
    public static partial void ContainerWaiting(ILogger logger, PodKey pod, string container, string reason, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pod {Pod}: status report failed")]
    public static partial void StatusReportFailed(ILogger logger, Exception exception, PodKey pod);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pod {Pod}: {Message}")]
    public static partial void PodWarning(ILogger logger, PodKey pod, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "local pod runtime sync failed")]
    public static partial void SyncFailed(ILogger logger, Exception exception);
}
