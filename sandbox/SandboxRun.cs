using BackendStack.Emulator;
using BackendStack.PodRuntime;
using BackendStack.PodRuntime.Images;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.Sandbox;

/// <summary>
/// The sandbox: the API emulator with Pods as local processes, the CRDs and the reference stack
/// applied with kubectl, the operator, and a live summary until Ctrl-C (or until the resources
/// named by --exit-when-ready are Ready). Everything it started stops with it.
/// </summary>
public static class SandboxRun
{
    public static async Task<int> RunAsync(SandboxOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (LocalPodRuntime.Unavailable() is { } reason)
        {
            await output.WriteLineAsync($"the sandbox cannot run Pods here: {reason}").ConfigureAwait(false);
            return 1;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Timeout > TimeSpan.Zero)
        {
            timeout.CancelAfter(options.Timeout);
        }

        var repository = RepositoryRoot.Find();
        Directory.CreateDirectory(options.StateDirectory);
        var log = Path.Combine(options.StateDirectory, "sandbox.log");
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FileLoggerProvider(log, LogLevel.Debug, TimeProvider.System)));
        await DebianPackages.EnsureAsync(ImageTable.Default, options.NoInstall, output, timeout.Token).ConfigureAwait(false);
        var images = await ImagesAsync(options, output).ConfigureAwait(false);
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            Port = options.Port,
            Loggers = loggers,
            LocalPods = new LocalPodRuntimeOptions
            {
                RootDirectory = Path.Combine(options.StateDirectory, "runtime"),
                Images = images,
                // Pods on 127.90.x.y: clear of 127.0.0.1 and of the blocks the test suites use.
                AddressBlock = 90,
                RestartBackoffInitial = TimeSpan.FromSeconds(2),
                RestartBackoffMax = TimeSpan.FromSeconds(60),
            },
        }, timeout.Token).ConfigureAwait(false);
        var runtimeId = emulator.LocalPods!.Runtime.RuntimeId;
        await output.WriteLineAsync($"API server {emulator.BaseAddress} (processes marked BACKENDSTACK_POD_RUNTIME={runtimeId})").ConfigureAwait(false);
        var kubeconfig = Path.Combine(options.StateDirectory, "kubeconfig");
        emulator.WriteKubeconfig(kubeconfig);
        using var client = new Kubernetes(emulator.CreateClientConfiguration());
        var kubectl = new Kubectl(kubeconfig);
        await kubectl.ApplyAsync(["-k", Path.Combine(repository, "crds")], TimeSpan.FromSeconds(30), timeout.Token).ConfigureAwait(false);
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = options.Namespace } }, cancellationToken: timeout.Token).ConfigureAwait(false);
        await kubectl.ApplyAsync(["-n", options.Namespace, "-k", Path.Combine(repository, "examples", "reference-stack")], TimeSpan.FromSeconds(30), timeout.Token).ConfigureAwait(false);
        await using var @operator = OperatorProcess.Start(kubeconfig, Path.Combine(options.StateDirectory, "operator.log"), runtimeId);

        var relative = Path.GetRelativePath(Environment.CurrentDirectory, kubeconfig);
        await output.WriteLineAsync($"""
            sandbox running. In another terminal:
              kubectl --kubeconfig {relative} get backendstack -n {options.Namespace}
              kubectl --kubeconfig {relative} get pods -n {options.Namespace}
              kubectl --kubeconfig {relative} logs -n {options.Namespace} <pod>
            operator log: {Path.Combine(options.StateDirectory, "operator.log")}; API server and Pods: {log}. Ctrl-C stops everything.
            """).ConfigureAwait(false);
        var exitCode = await WatchAsync(new StatusBoard(client, options.Namespace, loggers.CreateLogger<StatusBoard>()), options, @operator, output, cancellationToken, timeout.Token).ConfigureAwait(false);
        await StopAsync("the operator", @operator.DisposeAsync, output).ConfigureAwait(false);
        await StopAsync("the Pods and the API server", emulator.DisposeAsync, output).ConfigureAwait(false);
        return exitCode;
    }

    /// <summary>The image table with the chosen ProxySQL binary; says how to provide one when there is none (its Pods stay Pending).</summary>
    private static async Task<ImageTable> ImagesAsync(SandboxOptions options, TextWriter output)
    {
        var proxySql = ProxySqlBinary.FromEnvironment();
        proxySql = options.ProxySqlBinary is null ? proxySql : proxySql with { Binary = options.ProxySqlBinary };
        try
        {
            proxySql.Locate();
        }
        catch (NoLocalEquivalentException e)
        {
            await output.WriteLineAsync($"ProxySQL Pods stay Pending: {e.Message} (or run the sandbox with --proxysql-binary PATH)").ConfigureAwait(false);
        }

        return new ImageTable([.. ImageTable.Default.Images.Where(i => i.Name != "proxysql"), ProxySqlImage.Create(proxySql)]);
    }

    /// <summary>Stops one part and says how long it took, so a slow stop shows where it waits.</summary>
    private static async Task StopAsync(string what, Func<ValueTask> stop, TextWriter output)
    {
        await output.WriteLineAsync($"stopping {what}").ConfigureAwait(false);
        var started = TimeProvider.System.GetTimestamp();
        await stop().ConfigureAwait(false);
        await output.WriteLineAsync($"stopped {what} in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s").ConfigureAwait(false);
    }

    private static async Task<int> WatchAsync(
        StatusBoard board, SandboxOptions options, OperatorProcess @operator, TextWriter output, CancellationToken stop, CancellationToken deadline)
    {
        var shown = "";
        var wanted = options.ExitWhenReady.Select(w => w.ToLowerInvariant()).ToList();
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                var resources = await board.ReadResourcesAsync(deadline).ConfigureAwait(false);
                var text = StatusBoard.Render(resources, await board.ReadPodsAsync(deadline).ConfigureAwait(false));
                if (text != shown)
                {
                    await output.WriteAsync((Console.IsOutputRedirected ? $"--- {TimeProvider.System.GetUtcNow():HH:mm:ss}\n" : "\x1b[H\x1b[2J") + text).ConfigureAwait(false);
                    shown = text;
                }

                if (wanted.Count > 0 && wanted.All(w => resources.Any(r => r.Ready && r.Name == w)))
                {
                    await output.WriteLineAsync($"ready: {string.Join(", ", wanted)}").ConfigureAwait(false);
                    return 0;
                }

                if (@operator.HasExited)
                {
                    await output.WriteLineAsync("the operator exited; see its log").ConfigureAwait(false);
                    return 1;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), deadline).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        var timedOut = !stop.IsCancellationRequested;
        await output.WriteLineAsync(timedOut ? "timed out; stopping" : "stopping").ConfigureAwait(false);
        return timedOut ? 1 : 0;
    }
}
