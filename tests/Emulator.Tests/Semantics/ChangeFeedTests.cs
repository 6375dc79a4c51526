using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Controllers;
using BackendStack.Emulator.Storage;
using BackendStack.Emulator.Tests.Support;
using Microsoft.Extensions.Logging;

namespace BackendStack.Emulator.Tests.Semantics;

public sealed class ChangeFeedTests
{
    [Fact]
    public async Task AWriteThatFailsIsToldAtDebugLevelAndTheFeedGoesOn()
    {
        var store = new ObjectStore(100);
        var logger = new RecordingLogger();
        var seen = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var feed = ChangeFeed.RunAsync(store, e =>
        {
            seen.Enqueue(e.Object!.Name);
            if (e.Object.Name == "contended") throw new ApiStatusException(409, "Conflict", "the object has been modified");
        }, logger, stop.Token);

        store.Put("configmaps", ConfigMap("contended"));
        store.Put("configmaps", ConfigMap("next"));
        await Poll(() => seen.Contains("next"));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => feed);

        Assert.Equal(["contended", "next"], seen);
        var line = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Debug, line.Level);
        Assert.Contains("configmaps default/contended", line.Message, StringComparison.Ordinal);
        Assert.Contains("409 Conflict", line.Message, StringComparison.Ordinal);
    }

    private static JsonObject ConfigMap(string name) =>
        new() { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" } };

    private static async Task Poll(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the feed");
            await Task.Delay(20);
        }
    }
}
