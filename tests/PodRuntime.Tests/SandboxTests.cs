using System.Diagnostics;
using System.Text.RegularExpressions;
using BackendStack.PodRuntime.Processes;

namespace BackendStack.PodRuntime.Tests;

/// <summary>The sandbox command as a person runs it: it starts the stack, shows it, and Ctrl-C leaves nothing running.</summary>
public sealed partial class SandboxTests
{
    [GeneratedRegex("BACKENDSTACK_POD_RUNTIME=([0-9a-f]+)")]
    private static partial Regex RuntimeMarker();

    [GeneratedRegex(@"^redisfailover/redis\s+Ready\s+Ready=True")]
    private static partial Regex RedisFailoverReady();

    private static string CommandLine(int pid)
    {
        try
        {
            return $"{pid} {File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim()}";
        }
        catch (IOException)
        {
            return $"{pid} (gone)";
        }
    }

    [Fact]
    public async Task SandboxRunsTheReferenceRedisFailoverToReadyAndCtrlCStopsEveryProcessItStarted()
    {
        var state = Directory.CreateTempSubdirectory("sandbox-test-").FullName;
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "backendstack-sandbox.dll"), "--no-install", "--state-dir", state, "--timeout", "120" })
        {
            start.ArgumentList.Add(argument);
        }

        using var sandbox = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var sawReady = new TaskCompletionSource();
        sandbox.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
                // The operator's own StatefulSets, run as real Redis and Sentinel processes, made it Ready.
                if (e.Data is not null && RedisFailoverReady().IsMatch(e.Data))
                {
                    sawReady.TrySetResult();
                }
            }
        };
        sandbox.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        sandbox.BeginOutputReadLine();
        sandbox.BeginErrorReadLine();
        try
        {
            await sawReady.Task.WaitAsync(TimeSpan.FromSeconds(100));
            var text = output.ToString();
            Assert.Contains("get backendstack -n shop", text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(state, "kubeconfig")));
            var runtimeId = RuntimeMarker().Match(text).Groups[1].Value;
            Assert.NotEmpty(ProcessSweeper.Find(ProcessMarker.RuntimeVariable, runtimeId));

            Assert.True(Signals.Send(sandbox.Id, 2)); // Ctrl-C
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await sandbox.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                var left = string.Join(", ", ProcessSweeper.Find(ProcessMarker.RuntimeVariable, runtimeId).Select(CommandLine));
                lock (output)
                {
                    Assert.Fail($"the sandbox did not exit within 60 s of Ctrl-C; processes still running: {left}\nits output ends:\n"
                        + string.Join('\n', output.ToString().Split('\n').TakeLast(40)));
                }
            }

            Assert.Equal(0, sandbox.ExitCode);
            sandbox.WaitForExit(); // the rest of its output
            lock (output)
            {
                // It says how long each part took to stop, so a slow stop shows where it waits.
                Assert.Matches(@"stopped the operator in \d+\.\d s\n(.*\n)*stopped the Pods and the API server in \d+\.\d s", output.ToString().Replace("\r", ""));
            }

            Assert.Empty(ProcessSweeper.Find(ProcessMarker.RuntimeVariable, runtimeId));
        }
        finally
        {
            if (!sandbox.HasExited)
            {
                sandbox.Kill(entireProcessTree: true);
            }

            Directory.Delete(state, recursive: true);
        }
    }
}
