namespace BackendStack.Tests.Redis;

/// <summary>redis-server on its own loopback address and port 6379, like a pod.</summary>
internal sealed class RedisProcess(string host, string directory, string password, IReadOnlyList<string> extraConfig)
    : ServerProcess("redis-server", host, 6379, directory)
{
    protected override IEnumerable<string> ConfigLines() =>
    [
        $"bind {Host}",
        $"port {Port}",
        // Outgoing replication connections come from the node's own address, as from a pod.
        $"bind-source-addr {Host}",
        $"replica-announce-ip {Host}",
        $"dir {Directory}",
        $"logfile {LogPath}",
        "daemonize no",
        "protected-mode no",
        "save \"\"",
        "appendonly no",
        // A lone replica resyncing should not wait for others to join a diskless transfer.
        "repl-diskless-sync-delay 0",
        $"requirepass {password}",
        $"masterauth {password}",
        .. extraConfig,
    ];
}
