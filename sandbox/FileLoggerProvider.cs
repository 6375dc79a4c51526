using Microsoft.Extensions.Logging;

namespace BackendStack.Sandbox;

/// <summary>
/// Appends every log line at or above a level to one file: the sandbox's own log (the API emulator's controllers,
/// the local Pods, the status board), kept apart from the live summary on the terminal.
/// </summary>
internal sealed class FileLoggerProvider(string path, LogLevel minimum, TimeProvider time) : ILoggerProvider
{
    private readonly StreamWriter writer = new(path, append: true) { AutoFlush = true };
    private readonly Lock gate = new();

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(this, categoryName);

    private bool Enabled(LogLevel level) => level >= minimum && level != LogLevel.None;

    public void Dispose()
    {
        lock (gate)
        {
            writer.Dispose();
        }
    }

    private void Write(LogLevel level, string category, string message, Exception? error)
    {
        var line = $"{time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {level} {category}: {message}" + (error is null ? "" : $" ({error.GetType().Name}: {error.Message})");
        lock (gate)
        {
            writer.WriteLine(line);
        }
    }

    private sealed class CategoryLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => provider.Enabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
