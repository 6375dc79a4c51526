using System.CommandLine;

namespace BackendStack.Sandbox;

/// <summary>The command line of <c>dotnet run --project sandbox</c>.</summary>
public static class SandboxCommandLine
{
    public static RootCommand Create()
    {
        var state = new Option<string?>("--state-dir") { Description = "Directory for kubeconfig, logs and Pod data. Default: .sandbox in the repository." };
        var noInstall = new Option<bool>("--no-install") { Description = "Do not install missing Debian packages; print the apt-get line instead." };
        var port = new Option<int>("--port") { Description = "Port of the API server on 127.0.0.1 (0: any free port)." };
        var exitWhenReady = new Option<string[]>("--exit-when-ready")
        {
            Description = "Exit 0 once these resources (kind/name, e.g. redisfailover/redis) are Ready. Default: run until Ctrl-C.",
            AllowMultipleArgumentsPerToken = true,
        };
        var timeout = new Option<int>("--timeout") { Description = "Exit 1 after this many seconds (0: never)." };
        var proxySql = new Option<string?>("--proxysql-binary")
        {
            Description = "ProxySQL binary for the ProxySQL Pods. Default: $BACKENDSTACK_PROXYSQL_BINARY, /usr/bin/proxysql, else unpacked from ../shared/bin/proxysql.",
        };
        var root = new RootCommand("Runs the reference stack locally: the API emulator, Pods as local processes, and the operator.")
        {
            state, noInstall, port, exitWhenReady, timeout, proxySql,
        };
        root.SetAction((result, cancellation) => SandboxRun.RunAsync(
            new SandboxOptions
            {
                StateDirectory = Path.GetFullPath(result.GetValue(state) ?? Path.Combine(RepositoryRoot.Find(), ".sandbox")),
                NoInstall = result.GetValue(noInstall),
                Port = result.GetValue(port),
                ExitWhenReady = result.GetValue(exitWhenReady) ?? [],
                Timeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
                ProxySqlBinary = result.GetValue(proxySql),
            },
            Console.Out,
            cancellation));
        return root;
    }
}
