namespace BackendStack.Tests.Redis;

/// <summary>A redis-server or redis-sentinel for one emulated pod, run with the config the operator generated.</summary>
internal sealed class PodServerProcess(string executable, string host, int port, string directory, IReadOnlyList<string> config)
    : ServerProcess(executable, host, port, directory)
{
    protected override IEnumerable<string> ConfigLines() =>
        config.Select(line => line.StartsWith("dir ", StringComparison.Ordinal) ? $"dir {Directory}" : line)
            .Concat([$"bind {Host}", $"logfile {LogPath}", "daemonize no"]);
}
