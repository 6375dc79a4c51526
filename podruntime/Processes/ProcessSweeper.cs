using System.Text;

namespace BackendStack.PodRuntime.Processes;

/// <summary>Finds and kills marked processes through /proc.</summary>
public static class ProcessSweeper
{
    /// <summary>Process ids whose environment has <paramref name="variable"/> set to a value starting with <paramref name="valuePrefix"/>.</summary>
    public static IReadOnlyList<int> Find(string variable, string valuePrefix)
    {
        var needle = Encoding.UTF8.GetBytes($"{variable}={valuePrefix}");
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            byte[] environ;
            try
            {
                environ = File.ReadAllBytes(Path.Combine(directory, "environ"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (HasEntry(environ, needle))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>SIGKILLs the marked processes until none is left (forks racing the sweep are caught by the next round).</summary>
    public static int KillAll(string variable, string valuePrefix)
    {
        var killed = 0;
        for (var round = 0; round < 5; round++)
        {
            var pids = Find(variable, valuePrefix);
            if (pids.Count == 0)
            {
                break;
            }

            foreach (var pid in pids)
            {
                killed += Signals.Send(pid, Signals.Kill) ? 1 : 0;
            }

            Thread.Sleep(10);
        }

        return killed;
    }

    private static bool HasEntry(ReadOnlySpan<byte> environ, ReadOnlySpan<byte> needle)
    {
        while (environ.Length > 0)
        {
            var end = environ.IndexOf((byte)0);
            var entry = end < 0 ? environ : environ[..end];
            if (entry.StartsWith(needle))
            {
                return true;
            }

            environ = end < 0 ? [] : environ[(end + 1)..];
        }

        return false;
    }
}
