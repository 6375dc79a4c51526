using System.Diagnostics;
using System.Text;

namespace BackendStack.Emulator.Tests.Support;

/// <summary>A kubectl left running (watch, wait, blocking delete), collecting its output; killed on dispose.</summary>
public sealed class BackgroundKubectl : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly Lock gate = new();

    internal BackgroundKubectl(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output { get { lock (gate) return stdout.ToString(); } }
    public string Errors { get { lock (gate) return stderr.ToString(); } }
    public bool HasExited => process.HasExited;

    /// <summary>Waits for the process to end; returns its exit code, or null on timeout.</summary>
    public async Task<int?> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Polls the output until it satisfies <paramref name="condition"/>.</summary>
    public async Task<bool> WaitForOutputAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition(Output)) return true;
            await Task.Delay(50);
        }
        return condition(Output);
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
