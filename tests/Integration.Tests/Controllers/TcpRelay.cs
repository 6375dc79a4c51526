using System.Net;
using System.Net.Sockets;

namespace BackendStack.Tests.Controllers;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of the emulator, so a test can make the API unreachable (connections reset,
/// new ones refused) and reachable again without losing the emulator's state.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint target;
    private readonly CancellationTokenSource stop = new();
    private readonly List<TcpClient> open = [];
    private readonly Lock gate = new();
    private readonly TcpListener listener;
    private readonly Task accepting;
    private volatile bool cut;

    public TcpRelay(Uri target)
    {
        this.target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        accepting = AcceptAsync();
    }

    public Uri Address { get; }

    /// <summary>Resets every relayed connection and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        cut = true;
        lock (gate)
        {
            foreach (var client in open)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
            }

            open.Clear();
        }
    }

    public void Restore() => cut = false;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        Cut();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (cut)
            {
                inbound.Client.LingerState = new LingerOption(true, 0);
                inbound.Dispose();
                continue;
            }

            _ = RelayAsync(inbound);
        }
    }

    private async Task RelayAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        lock (gate)
        {
            open.Add(inbound);
            open.Add(outbound);
        }

        try
        {
            await outbound.ConnectAsync(target, stop.Token);
            var a = inbound.GetStream().CopyToAsync(outbound.GetStream(), stop.Token);
            var b = outbound.GetStream().CopyToAsync(inbound.GetStream(), stop.Token);
            await Task.WhenAny(a, b);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The relay was cut or one side closed: both sides are closed below.
        }
        finally
        {
            lock (gate)
            {
                open.Remove(inbound);
                open.Remove(outbound);
            }

            inbound.Dispose();
            outbound.Dispose();
        }
    }
}
