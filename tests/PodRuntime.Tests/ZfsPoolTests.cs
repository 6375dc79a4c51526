using System.Diagnostics;
using BackendStack.PodRuntime.Zfs;
using Xunit.Abstractions;

namespace BackendStack.PodRuntime.Tests;

/// <summary>Real pools on the shared zfs-fuse daemon: life cycle of datasets, snapshots and clones, and the daemon's leases.</summary>
[Collection(ZfsTestGroup.Name)]
public sealed class ZfsPoolTests(ITestOutputHelper output) : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("zfs-pool-").FullName;

    [ZfsFact]
    public async Task SnapshotKeepsWhatWasWrittenBeforeItAndACloneSeesOnlyThat()
    {
        var daemonBefore = await ZfsFuseDaemon.AnswersAsync();
        var pool = await ZfsPool.CreateAsync(Path.Combine(root, "zfs"), Guid.NewGuid().ToString("N"));
        await using (pool)
        {
            var data = Path.Combine(root, "claims", "data");
            await pool.CreateDatasetAsync("data", data);
            Assert.Equal(0, (await ShellAsync("chgrp 105 " + data + " && chmod g+rwxs " + data)).ExitCode);
            // A process as user mysql (uid 102) writes into the dataset, as a container would (the temporary root is 0700;
            // a container reaches its claim through a bind mount, a host process needs the path open).
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
            Assert.Equal(0, (await ShellAsync($"setpriv --reuid=102 --regid=105 --clear-groups -- sh -c 'echo before > {data}/file'")).ExitCode);

            var clock = Stopwatch.StartNew();
            var handle = await pool.SnapshotAsync("data", "snapshot-1");
            output.WriteLine($"zfs snapshot: {clock.ElapsedMilliseconds} ms");
            Assert.Contains(handle, await pool.ListSnapshotsAsync());
            await File.WriteAllTextAsync(Path.Combine(data, "file"), "after\n");
            await File.WriteAllTextAsync(Path.Combine(data, "extra"), "after\n");

            var restored = Path.Combine(root, "claims", "restored");
            clock.Restart();
            await pool.CloneAsync(handle, "restored", restored);
            output.WriteLine($"zfs clone: {clock.ElapsedMilliseconds} ms");
            Assert.Equal("before\n", await File.ReadAllTextAsync(Path.Combine(restored, "file")));
            Assert.False(File.Exists(Path.Combine(restored, "extra")));

            await Assert.ThrowsAsync<ZfsException>(() => pool.DestroyAsync(handle));
            await pool.DestroyAsync(pool.Dataset("restored"));
            await pool.DestroyAsync(handle);
            Assert.DoesNotContain(handle, await pool.ListSnapshotsAsync());
        }

        Assert.DoesNotContain(pool.Name, await PoolsAsync());
        Assert.Equal(daemonBefore, await ZfsFuseDaemon.AnswersAsync());
    }

    [ZfsFact]
    public async Task TwoRuntimesShareOneDaemonAndTheLastToLeaveStopsIt()
    {
        var daemonBefore = await ZfsFuseDaemon.AnswersAsync();
        var clock = Stopwatch.StartNew();
        var first = await ZfsPool.CreateAsync(Path.Combine(root, "a"), Guid.NewGuid().ToString("N"));
        output.WriteLine($"first pool (daemon {(daemonBefore ? "already running" : "started")}): {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        var second = await ZfsPool.CreateAsync(Path.Combine(root, "b"), Guid.NewGuid().ToString("N"));
        output.WriteLine($"second pool: {clock.ElapsedMilliseconds} ms");
        try
        {
            Assert.Single(await DaemonPidsAsync());
            Assert.Contains(first.Name, await PoolsAsync());
            Assert.Contains(second.Name, await PoolsAsync());
            Assert.True(ZfsFuseDaemon.Leases().Count >= 2);
        }
        finally
        {
            await first.DisposeAsync();
        }

        Assert.True(await ZfsFuseDaemon.AnswersAsync(), "the daemon stopped while the second runtime still used it");
        Assert.DoesNotContain(first.Name, await PoolsAsync());
        clock.Restart();
        await second.DisposeAsync();
        output.WriteLine($"last pool destroyed and daemon stopped: {clock.ElapsedMilliseconds} ms");
        if (!daemonBefore)
        {
            Assert.Empty(await DaemonPidsAsync());
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static async Task<IReadOnlyList<string>> PoolsAsync() =>
        (await ZfsCommand.RunAsync("zpool", ["list", "-H", "-o", "name"])).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<IReadOnlyList<string>> DaemonPidsAsync() =>
        (await ZfsCommand.RunAsync("pgrep", ["-x", "zfs-fuse"])).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static Task<ZfsResult> ShellAsync(string script) => ZfsCommand.RunAsync("/bin/sh", ["-c", script]);
}
