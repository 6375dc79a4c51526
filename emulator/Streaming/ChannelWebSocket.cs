using System.Net.WebSockets;

namespace BackendStack.Emulator.Streaming;

/// <summary>
/// The Kubernetes channel protocol over one WebSocket: every binary message starts with the number of the
/// channel it belongs to. From v5.channel.k8s.io on, a message on channel 255 carrying one channel number
/// says the peer closed that channel (half-close, e.g. the end of stdin). Sends are serialized, as a
/// WebSocket allows one send at a time.
/// </summary>
internal sealed class ChannelWebSocket(WebSocket socket, string protocol) : IDisposable
{
    public const byte CloseChannel = 255;

    private readonly SemaphoreSlim sending = new(1, 1);

    public string Protocol { get; } = protocol;

    /// <summary>Whether the peer can announce a closed channel (<see cref="CloseChannel"/>).</summary>
    public bool CanCloseChannels => Protocol == ChannelProtocols.V5;

    public async Task SendAsync(byte channel, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var frame = new byte[data.Length + 1];
        frame[0] = channel;
        data.CopyTo(frame.AsMemory(1));
        await sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>The next whole message as (channel, payload), or null once the peer has closed the socket.</summary>
    public async Task<(byte Channel, byte[] Data)?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
            }
            catch (WebSocketException)
            {
                return null;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            // Empty messages carry nothing, not even a channel; the peer may send them to keep the connection alive.
            if (message.Length == 0)
            {
                continue;
            }

            var bytes = message.ToArray();
            return (bytes[0], bytes[1..]);
        }
    }

    public void Dispose() => sending.Dispose();

    /// <summary>Ends the conversation with a normal close, as the server does once the command has finished.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await sending.WaitAsync(cancellationToken);
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
            }
            catch (WebSocketException)
            {
                // The peer is gone already.
            }
            finally
            {
                sending.Release();
            }
        }
    }
}
