using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.Runtime.Informers;

internal sealed partial class Informer<T>
{
    [LoggerMessage(Level = LogLevel.Information, Message = "watch of {Resource} expired (410); listing again")]
    private static partial void LogExpired(ILogger logger, string resource);

    [LoggerMessage(Level = LogLevel.Warning, Message = "list of {Resource} failed; retrying in {DelayMs:F0} ms")]
    private static partial void LogListFailed(ILogger logger, string resource, double delayMs, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "watch of {Resource} broke; reopening after backoff")]
    private static partial void LogWatchFailed(ILogger logger, string resource, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "watch of {Resource} silent for {Seconds:F0} s; reopening")]
    private static partial void LogWatchdog(ILogger logger, string resource, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "event handler for {Resource} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string resource, Exception error);
}
