using System.Net.WebSockets;
using BackendStack.Emulator.Tests.Support;
using k8s;
using k8s.Models;

namespace BackendStack.Emulator.Tests.Kubectl;

/// <summary>Without the local pod runtime no node answers: exec fails as kube-apiserver fails it when it cannot reach the kubelet.</summary>
public sealed class ExecWithoutLocalPodsTests
{
    private static async Task<EmulatorScope> StartWithPodAsync()
    {
        var scope = await EmulatorScope.StartAsync();
        await scope.Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "example.com/app:1" }] },
        }, "default");
        return scope;
    }

    [Fact]
    public async Task KubectlExecSaysTheNodeDoesNotAnswer()
    {
        await using var scope = await StartWithPodAsync();

        var result = await scope.Kubectl.RunAsync("exec", "web", "--", "true");

        result.ShouldFail();
        Assert.Contains("error dialing backend", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>KubernetesClient's WebSocket sees only the status code of a refused upgrade.</summary>
    [Fact]
    public async Task ClientExecIsRefusedWith500AndAMissingPodWith404()
    {
        await using var scope = await StartWithPodAsync();

        var refused = await Assert.ThrowsAsync<WebSocketException>(() =>
            scope.Client.NamespacedPodExecAsync("web", "default", "app", ["true"], false, (_, _, _) => Task.CompletedTask, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<WebSocketException>(() =>
            scope.Client.NamespacedPodExecAsync("nosuch", "default", "app", ["true"], false, (_, _, _) => Task.CompletedTask, CancellationToken.None));

        Assert.Contains("'500'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'404'", missing.Message, StringComparison.Ordinal);
    }
}
