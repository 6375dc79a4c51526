namespace BackendStack.Tests.Redis;

/// <summary>redis-sentinel on its own loopback address and port 26379, monitoring nothing until told to.</summary>
internal sealed class SentinelProcess(string host, string directory, string password)
    : ServerProcess("redis-sentinel", host, 26379, directory)
{
    protected override IEnumerable<string> ConfigLines() =>
    [
        $"bind {Host}",
        $"port {Port}",
        $"sentinel announce-ip {Host}",
        $"dir {Directory}",
        $"logfile {LogPath}",
        "daemonize no",
        "protected-mode no",
        // Clients authenticate to Sentinel, and sentinels use it towards each other.
        $"requirepass {password}",
    ];
}
