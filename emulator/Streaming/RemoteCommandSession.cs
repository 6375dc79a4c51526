using System.Text.Json;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Storage;
using BackendStack.PodRuntime.Exec;

namespace BackendStack.Emulator.Streaming;

/// <summary>
/// Carries one exec between its WebSocket and its process: channel 0 to stdin, stdout to 1, stderr to 2,
/// terminal sizes from 4 ({"Width","Height"}), and at the end the exit status on 3 before a normal close.
/// A client that goes away takes the command with it.
/// </summary>
internal sealed class RemoteCommandSession(ChannelWebSocket channels, RemoteCommandOptions options)
{
    public const byte StdinChannel = 0;
    public const byte StdoutChannel = 1;
    public const byte StderrChannel = 2;
    public const byte ErrorChannel = 3;
    public const byte ResizeChannel = 4;

    /// <summary>How long output may still flow after the command ended (a daemon it left may hold its stdout open).</summary>
    private static readonly TimeSpan OutputDrain = TimeSpan.FromSeconds(5);

    /// <summary>How long the client has to answer the server's close.</summary>
    private static readonly TimeSpan CloseHandshake = TimeSpan.FromSeconds(5);

    public async Task RunAsync(ExecProcess process, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The lowest channel the client reads gets an empty message first: it tells the client the stream is up.
        await channels.SendAsync(options.Stdout ? StdoutChannel : options.Stderr ? StderrChannel : ErrorChannel, ReadOnlyMemory<byte>.Empty, session.Token);
        var output = Task.WhenAll(
            CopyAsync(process.Output, options.Stdout ? StdoutChannel : null, session.Token),
            process.Error is { } error ? CopyAsync(error, options.Stderr ? StderrChannel : null, session.Token) : Task.CompletedTask);
        var input = ReceiveAsync(process, session.Token);

        var ended = await Task.WhenAny(process.Exited, input);
        if (ended == input && !process.Exited.IsCompleted)
        {
            process.Kill();
            return;
        }

        var exitCode = await process.Exited;
        await Task.WhenAny(output, Task.Delay(OutputDrain, session.Token));
        await SendStatusAsync(ExecStatus.Exited(exitCode, options.Command), session.Token);
        await channels.CloseAsync(session.Token);
        // The client answers the close; leaving before would reset the connection and could drop what it has not read yet.
        await Task.WhenAny(input, Task.Delay(CloseHandshake, session.Token));
        await session.CancelAsync();
    }

    public async Task SendStatusAsync(JsonObject status, CancellationToken cancellationToken) =>
        await channels.SendAsync(ErrorChannel, JsonSerializer.SerializeToUtf8Bytes(status, Wire.Options), cancellationToken);

    private async Task CopyAsync(Stream source, byte? channel, CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = await source.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException)
            {
                // A terminal whose every user has gone reads as EIO: its end of output.
                return;
            }

            if (read == 0)
            {
                return;
            }

            if (channel is { } number)
            {
                await channels.SendAsync(number, buffer.AsMemory(0, read), cancellationToken);
            }
        }
    }

    /// <summary>Feeds the process until the client closes the socket (or the session ends).</summary>
    private async Task ReceiveAsync(ExecProcess process, CancellationToken cancellationToken)
    {
        while (await ReceiveOrEndAsync(cancellationToken) is var (channel, data))
        {
            switch (channel)
            {
                case StdinChannel when options.Stdin:
                    await WriteInputAsync(process, data, cancellationToken);
                    break;
                case ResizeChannel when TerminalSize.Parse(data) is var (columns, rows):
                    process.Resize(columns, rows);
                    break;
                case ChannelWebSocket.CloseChannel when channels.CanCloseChannels && data is [StdinChannel, ..]:
                    process.CloseInput();
                    break;
            }
        }
    }

    private async Task<(byte Channel, byte[] Data)?> ReceiveOrEndAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await channels.ReceiveAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static async Task WriteInputAsync(ExecProcess process, byte[] data, CancellationToken cancellationToken)
    {
        try
        {
            await process.Input.WriteAsync(data, cancellationToken);
            await process.Input.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The command stopped reading (it closed stdin or ended): what it did not read is dropped, as on a pipe.
        }
    }
}
