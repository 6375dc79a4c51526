using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BackendStack.Tests.Controllers;

/// <summary>Keeps every log line an operator instance writes, so tests can check what it said and at which level.</summary>
internal sealed class RecordedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs.lines.Enqueue((logLevel, category, formatter(state, exception)));
            }
        }
    }
}
