using System.CommandLine;
using BackendStack.Emulator;

var port = new Option<int>("--port") { Description = "Port to serve on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };
var kubeconfig = new Option<FileInfo?>("--kubeconfig") { Description = "Where to write a kubeconfig for this server." };
var noControllers = new Option<bool>("--no-controllers") { Description = "Do not run the built-in workload controllers." };
var command = new RootCommand("An in-process emulator of the Kubernetes API server, for tests and local runs.")
{
    port, kubeconfig, noControllers,
};
command.SetAction(async (result, ct) =>
{
    var options = new EmulatorOptions { Port = result.GetValue(port), BuiltInControllers = !result.GetValue(noControllers) };
    await using var host = await EmulatorHost.StartAsync(options, ct);
    if (result.GetValue(kubeconfig) is { } file) host.WriteKubeconfig(file.FullName);
    Console.WriteLine($"ready {host.BaseAddress}");
    var stopped = new TaskCompletionSource();
    using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stopped.TrySetResult(); });
    using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stopped.TrySetResult(); });
    await stopped.Task.WaitAsync(ct).ContinueWith(_ => { }, TaskScheduler.Default);
    Console.WriteLine("stopped");
    return 0;
});
return await command.Parse(args).InvokeAsync();
