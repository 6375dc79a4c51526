using System.CommandLine;
using System.Runtime.InteropServices;
using BackendStack.Emulator;
using BackendStack.Emulator.Benchmark;

var port = new Option<int>("--port") { Description = "Port to serve on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };
var kubeconfig = new Option<FileInfo?>("--kubeconfig") { Description = "Where to write a kubeconfig for this server." };
var noControllers = new Option<bool>("--no-controllers") { Description = "Do not run the built-in workload controllers." };
var command = new RootCommand("An emulator of the Kubernetes API server on 127.0.0.1, for tests and local runs.")
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
    void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        stopped.TrySetResult();
    }
    using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    await Task.WhenAny(stopped.Task, Task.Delay(Timeout.Infinite, ct));
    Console.WriteLine("stopped");
    return 0;
});

var objects = new Option<int>("--objects") { Description = "How many ConfigMaps to create, read and list.", DefaultValueFactory = _ => 5000 };
var watchers = new Option<int>("--watchers") { Description = "How many watches receive every update.", DefaultValueFactory = _ => 20 };
var bench = new Command("bench", "Measure the emulator: requests per second for create/get/list/watch fan-out, and memory per object.")
{
    objects, watchers,
};
bench.SetAction(async (result, ct) =>
{
    await EmulatorBenchmark.RunAsync(result.GetValue(objects), result.GetValue(watchers), Console.Out, ct);
    return 0;
});
command.Subcommands.Add(bench);
return await command.Parse(args).InvokeAsync();
