using BackendStack.Emulator.Api;
using BackendStack.Emulator.Http;
using BackendStack.Emulator.Semantics;
using BackendStack.Emulator.Storage;
using BackendStack.PodRuntime;
using BackendStack.PodRuntime.Exec;
using BackendStack.PodRuntime.Probes;
using Microsoft.AspNetCore.Http;

namespace BackendStack.Emulator.Streaming;

/// <summary>
/// <c>pods/exec</c> over WebSocket (v5.channel.k8s.io, v4.channel.k8s.io), as kubectl exec and KubernetesClient's
/// NamespacedPodExecAsync ask for it: the command runs in the container's namespaces in the local pod runtime.
/// Without that runtime the Pod's node does not answer, and the request fails as it would through kube-apiserver.
/// </summary>
internal sealed class PodExecHandler(ResourceService service)
{
    /// <summary>The runtime's node agent, once the server runs with local Pods.</summary>
    public Kubelet? Kubelet { get; set; }

    public static bool Handles(ApiRoute route) =>
        route is { Group: "", Plural: "pods", Subresource: "exec", Namespace: not null, Name: not null };

    public async Task ServeAsync(HttpContext context, ApiRoute route)
    {
        if (context.Request.Method is not ("GET" or "POST")) throw StatusErrors.MethodNotAllowed();
        var options = RemoteCommandOptions.From(context.Request.Query, exec: true);
        var target = Locate(route, options.Container);
        if (!context.WebSockets.IsWebSocketRequest) throw StatusErrors.BadRequest("Upgrade request required");
        var protocol = ChannelProtocols.Choose(context, ChannelProtocols.RemoteCommand)
            ?? throw StatusErrors.BadRequest($"requested protocol(s) are not supported: [{string.Join(' ', context.WebSockets.WebSocketRequestedProtocols)}]; supports [{string.Join(' ', ChannelProtocols.RemoteCommand)}]");

        using var socket = await context.WebSockets.AcceptWebSocketAsync(protocol);
        using var channels = new ChannelWebSocket(socket, protocol);
        var session = new RemoteCommandSession(channels, options);
        ExecProcess process;
        try
        {
            process = ExecProcess.Start(target, options.Command, options.Tty);
        }
        catch (IOException e)
        {
            await session.SendStatusAsync(ExecStatus.Failed(e.Message), context.RequestAborted);
            await channels.CloseAsync(context.RequestAborted);
            return;
        }

        using (process)
        {
            await session.RunAsync(process, context.RequestAborted);
        }
    }

    /// <summary>The running container to exec in, or the error kube-apiserver gives for this Pod.</summary>
    private ProbeTarget Locate(ApiRoute route, string? container)
    {
        var type = service.Registry.Find("", "v1", "pods")!;
        var pod = service.Get(type, route.Namespace, route.Name!).View;
        var names = (Json.At(pod, "spec.containers")?.AsArray() ?? []).Select(c => Json.Str(c, "name")!).ToList();
        var name = container ?? (names.Count == 1 ? names[0]
            : throw StatusErrors.BadRequest($"a container name must be specified for pod {route.Name}, choose one of: [{string.Join(' ', names)}]"));
        var initNames = (Json.At(pod, "spec.initContainers")?.AsArray() ?? []).Select(c => Json.Str(c, "name")!);
        if (!names.Contains(name) && !initNames.Contains(name))
            throw StatusErrors.BadRequest($"container {name} is not valid for pod {route.Name}");
        if (Json.Str(pod, "status.phase") is { } phase && phase is "Succeeded" or "Failed")
            throw StatusErrors.BadRequest($"cannot exec into a container in a completed pod; current phase is {phase}");
        if (Json.Str(pod, "spec.nodeName") is not { } node)
            throw StatusErrors.BadRequest($"pod {route.Name} does not have a host assigned");
        if (Kubelet is null)
            throw new ApiStatusException(500, "InternalError", $"error dialing backend: the kubelet of node {node} does not answer (the emulator runs no local pods)");
        return Kubelet.Runtime.FindExecTarget(new PodKey(route.Namespace!, route.Name!), name)
            ?? throw StatusErrors.BadRequest($"container not found (\"{name}\")");
    }
}
