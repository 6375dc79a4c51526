using System.Diagnostics;
using BackendStack.PodRuntime.Probes;
using BackendStack.PodRuntime.Processes;

namespace BackendStack.PodRuntime.Exec;

/// <summary>
/// A command run in a running container (<c>kubectl exec</c>): entered into the container's namespaces by its
/// <see cref="ProbeTarget.ExecPrefix"/> with the container's environment, in a session of its own (so it can be
/// ended as a whole), on pipes or, with a TTY, on a pseudo-terminal that is its controlling terminal.
/// </summary>
public sealed class ExecProcess : IDisposable
{
    private readonly Process process;
    private readonly PseudoTerminal? terminal;

    private ExecProcess(Process process, PseudoTerminal? terminal)
    {
        this.process = process;
        this.terminal = terminal;
        Exited = WaitAsync();
    }

    /// <summary>What the command reads; with a TTY, the terminal's input.</summary>
    public Stream Input => terminal?.Stream ?? process.StandardInput.BaseStream;

    /// <summary>Standard output; with a TTY, everything the terminal shows.</summary>
    public Stream Output => terminal?.Stream ?? process.StandardOutput.BaseStream;

    /// <summary>Standard error; null with a TTY, where it goes to the terminal.</summary>
    public Stream? Error => terminal is null ? process.StandardError.BaseStream : null;

    public bool HasTerminal => terminal is not null;

    /// <summary>The command's exit code (128 + n when signal n ended it).</summary>
    public Task<int> Exited { get; }

    public static ExecProcess Start(ProbeTarget target, IReadOnlyList<string> command, bool tty, ushort columns = 80, ushort rows = 24)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(command);
        var terminal = tty ? PseudoTerminal.Open(columns, rows) : null;
        try
        {
            // setsid -w: a session of its own (killed as one process group), waiting for the command's exit code. With a
            // TTY the terminal becomes the standard streams, and a second session inside the container's PID namespace
            // makes it the controlling terminal there, so a shell's job control sees its own process groups.
            var start = new ProcessStartInfo("/usr/bin/setsid") { UseShellExecute = false };
            IEnumerable<string> arguments = tty
                ? ["-w", "/bin/sh", "-c", "exec <\"$0\" >\"$0\" 2>&1 && exec \"$@\"", terminal!.SlavePath, .. target.ExecPrefix, "/usr/bin/setsid", "-c", "-w"]
                : ["-w", .. target.ExecPrefix];
            foreach (var argument in arguments.Concat(command))
            {
                start.ArgumentList.Add(argument);
            }

            start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = !tty;
            start.Environment.Clear();
            foreach (var (name, value) in target.Environment)
            {
                start.Environment[name] = value;
            }

            if (tty)
            {
                start.Environment.TryAdd("TERM", "xterm");
            }

            return new ExecProcess(Process.Start(start) ?? throw new IOException($"cannot start {command[0]}"), terminal);
        }
        catch
        {
            terminal?.Dispose();
            throw;
        }
    }

    /// <summary>Changes the terminal's size; nothing without a TTY.</summary>
    public void Resize(ushort columns, ushort rows) => terminal?.Resize(columns, rows);

    /// <summary>Ends the command's input (no more stdin); a terminal has no end of input short of closing it.</summary>
    public void CloseInput()
    {
        if (terminal is null)
        {
            process.StandardInput.Close();
        }
    }

    /// <summary>SIGKILLs the command's whole session (its process group), for a client that went away.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            Signals.SendToGroup(process.Id, Signals.Kill);
        }
    }

    public void Dispose()
    {
        Kill();
        terminal?.Dispose();
        process.Dispose();
    }

    private async Task<int> WaitAsync()
    {
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode;
    }
}
