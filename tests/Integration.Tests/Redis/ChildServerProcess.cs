using System.Collections.Concurrent;
using System.Diagnostics;

namespace BackendStack.Tests.Redis;

/// <summary>
/// A server process a test started as its child: kill -9 of it and everything it started, on demand and, whatever
/// happened to the test, when the test host exits.
/// </summary>
internal sealed class ChildServerProcess : IDisposable
{
    private static readonly ConcurrentDictionary<ChildServerProcess, byte> Running = new();
    private readonly Process process;

    static ChildServerProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var child in Running.Keys)
        {
            child.Kill();
        }
    };

    private ChildServerProcess(Process process) => this.process = process;

    /// <summary>True once the process exited or this handle was disposed (another thread may ask while a restart disposes it).</summary>
    public bool HasExited
    {
        get
        {
            try
            {
                return process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    public static ChildServerProcess Start(ProcessStartInfo info)
    {
        var child = new ChildServerProcess(Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start"));
        Running[child] = 0;
        return child;
    }

    /// <summary>Drains redirected output, which nobody reads (the servers log to files).</summary>
    public void DiscardOutput()
    {
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>kill -9: no shutdown, no final dump.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        Running.TryRemove(this, out _);
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }
}
