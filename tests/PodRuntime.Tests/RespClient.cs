using System.Net.Sockets;
using System.Text;

namespace BackendStack.PodRuntime.Tests;

/// <summary>Sends one inline command to a Redis server and returns its first reply line.</summary>
internal static class RespClient
{
    public static async Task<string> CommandAsync(string host, int port, string command)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await client.ConnectAsync(host, port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), timeout.Token);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, timeout.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
