using Microsoft.AspNetCore.Http;

namespace BackendStack.Emulator.Streaming;

/// <summary>
/// The WebSocket subprotocols of exec, attach and port-forward, and the choice among those a client offers:
/// the first the client lists that the server speaks, as kube-apiserver's handshake picks it.
/// </summary>
internal static class ChannelProtocols
{
    public const string V5 = "v5.channel.k8s.io";
    public const string V4 = "v4.channel.k8s.io";
    public const string PortForwardV2 = "v2.portforward.k8s.io";
    public const string PortForward = "portforward.k8s.io";

    public static readonly string[] RemoteCommand = [V5, V4];

    public static readonly string[] PortForwarding = [PortForwardV2, PortForward];

    public static string? Choose(HttpContext context, IReadOnlyList<string> supported)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.WebSockets.WebSocketRequestedProtocols.FirstOrDefault(supported.Contains);
    }
}
