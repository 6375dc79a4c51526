using BackendStack.Emulator;
using BackendStack.Operator.Runtime.Events;
using BackendStack.Tests.Controllers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackendStack.Tests.Runtime;

public sealed class EventRecorderTests
{
    [Fact]
    public async Task ARepeatedEventCountsUpOnOneEventAndADifferentOneIsItsOwn()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { BuiltInControllers = false });
        using var client = new Kubernetes(emulator.CreateClientConfiguration());
        var regarding = await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "subject" } }, "default");
        regarding.ApiVersion = "v1";
        regarding.Kind = "ConfigMap";
        using var recorder = new EventRecorder(client, TimeProvider.System, NullLogger<EventRecorder>.Instance, "backendstack-operator");
        await recorder.StartAsync(CancellationToken.None);

        recorder.Warning(regarding, "InvalidSpec", "spec.port: a worker tier serves no port");
        recorder.Warning(regarding, "InvalidSpec", "spec.port: a worker tier serves no port");
        recorder.Warning(regarding, "InvalidSpec", "spec.port: a worker tier serves no port");
        recorder.Normal(regarding, "DependencyNotReady", "RedisFailover cache does not exist");

        await Poll.UntilAsync(async () =>
        {
            var events = (await client.CoreV1.ListNamespacedEventAsync("default")).Items.Where(e => e.InvolvedObject.Name == "subject").ToList();
            return events.Count == 2
                   && events.Single(e => e.Reason == "InvalidSpec").Count == 3
                   && events.Single(e => e.Reason == "DependencyNotReady").Count == 1;
        }, TimeSpan.FromSeconds(10), "one InvalidSpec event counted three times and one other event");
        var invalid = (await client.CoreV1.ListNamespacedEventAsync("default")).Items.Single(e => e.Reason == "InvalidSpec");
        Assert.Equal("Warning", invalid.Type);
        Assert.Equal("backendstack-operator", invalid.Source.Component);
        Assert.Equal(regarding.Metadata.Uid, invalid.InvolvedObject.Uid);
        await recorder.StopAsync(CancellationToken.None);
    }
}
