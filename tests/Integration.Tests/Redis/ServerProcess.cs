using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace BackendStack.Tests.Redis;

/// <summary>
/// A redis-server or redis-sentinel process run in the foreground (so it is our child and
/// kill -9 hits exactly it), with its own directory and config file (see <see cref="ChildServerProcess"/>).
/// </summary>
internal abstract class ServerProcess : IAsyncDisposable
{
    private ChildServerProcess? process;

    protected ServerProcess(string executable, string host, int port, string directory)
    {
        Executable = executable;
        Host = host;
        Port = port;
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Executable { get; }

    public string Host { get; }

    public int Port { get; }

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "server.conf");

    public string LogPath => Path.Combine(Directory, "server.log");

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Writes the config (first start only: Sentinel rewrites its file) and starts the process.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(ConfigPath))
        {
            await File.WriteAllTextAsync(ConfigPath, string.Join('\n', ConfigLines()) + "\n", cancellationToken);
        }

        var info = new ProcessStartInfo(Executable, [ConfigPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        process = ChildServerProcess.Start(info);
        process.DiscardOutput();
        await WaitAcceptingAsync(cancellationToken);
    }

    /// <summary>kill -9: no shutdown, no final dump.</summary>
    public void Kill() => process?.Kill();

    public ValueTask DisposeAsync()
    {
        process?.Dispose();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => $"{Executable} {Host}:{Port}";

    protected abstract IEnumerable<string> ConfigLines();

    /// <summary>Polls until the server answers PING on its address (PONG or NOAUTH both mean it serves).</summary>
    private async Task WaitAcceptingAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"{this} exited at start: {Tail()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(Host, Port, cancellationToken);
                var stream = client.GetStream();
                await stream.WriteAsync("*1\r\n$4\r\nPING\r\n"u8.ToArray(), cancellationToken);
                var buffer = new byte[64];
                var n = await stream.ReadAsync(buffer, cancellationToken);
                if (n > 0)
                {
                    return;
                }
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{this} not accepting connections: {Tail()}");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private string Tail() =>
        File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath, Encoding.UTF8).TakeLast(5)) : "(no log)";
}
