using System.Diagnostics;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// A command on a real terminal: a detached tmux session of its own (own server socket), typed into with
/// send-keys and read with capture-pane, as a person at a terminal would. Killed on dispose.
/// </summary>
internal sealed class TerminalSession : IAsyncDisposable
{
    private readonly string socket = $"exec-tests-{Guid.NewGuid():N}";

    private TerminalSession()
    {
    }

    public static async Task<TerminalSession> StartAsync(string command, int columns, int rows)
    {
        var session = new TerminalSession();
        await session.TmuxAsync("new-session", "-d", "-x", $"{columns}", "-y", $"{rows}", command);
        await session.TmuxAsync("set-option", "-g", "remain-on-exit", "on");
        return session;
    }

    /// <summary>Types <paramref name="text"/> and presses Enter.</summary>
    public Task TypeLineAsync(string text) => TmuxAsync("send-keys", "-l", text).ContinueWith(_ => TmuxAsync("send-keys", "Enter")).Unwrap();

    public Task ResizeAsync(int columns, int rows) => TmuxAsync("resize-window", "-x", $"{columns}", "-y", $"{rows}");

    /// <summary>What the terminal shows now.</summary>
    public Task<string> ScreenAsync() => TmuxAsync("capture-pane", "-p");

    /// <summary>Polls the screen until it shows <paramref name="text"/>; fails with the last screen.</summary>
    public Task<string> WaitForAsync(string text) =>
        Eventually.ValueAsync(ScreenAsync, s => s.Contains(text, StringComparison.Ordinal), $"the terminal showing \"{text}\"", TimeSpan.FromSeconds(20));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await TmuxAsync("kill-server");
        }
        catch (InvalidOperationException)
        {
            // The server ended with its last session.
        }
    }

    private async Task<string> TmuxAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-L", socket, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"tmux {string.Join(' ', arguments)}: {error}");
    }
}
