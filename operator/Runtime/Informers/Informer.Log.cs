using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.Runtime.Informers;

internal sealed partial class Informer<T>
{
    [LoggerMessage(Level = LogLevel.Information, Message = "watch of {Resource} in {Scope} expired (410); listing again")]
    private static partial void LogExpired(ILogger logger, string resource, string scope);

    [LoggerMessage(Level = LogLevel.Warning, Message = "list of {Resource} in {Scope} failed; retrying in {DelayMs:F0} ms")]
    private static partial void LogListFailed(ILogger logger, string resource, string scope, double delayMs, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "watch of {Resource} in {Scope} broke; reopening after backoff")]
    private static partial void LogWatchFailed(ILogger logger, string resource, string scope, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "watch of {Resource} in {Scope} silent for {Seconds:F0} s; reopening")]
    private static partial void LogWatchdog(ILogger logger, string resource, string scope, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "event handler for {Resource} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string resource, Exception error);
}
