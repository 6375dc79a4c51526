using BackendStack.Operator.Hosting;
using Microsoft.Extensions.Hosting;

return await OperatorCommandLine.Create(RunAsync).Parse(args).InvokeAsync();

static async Task<int> RunAsync(OperatorOptions options, CancellationToken cancellation)
{
    HostApplicationBuilder builder;
    try
    {
        builder = OperatorHost.CreateBuilder(options);
    }
    catch (InvalidOperationException error)
    {
        await Console.Error.WriteLineAsync(error.Message);
        return 1;
    }

    builder.Services.AddBackendStackControllers(options);
    using var host = builder.Build();
    // Not RunAsync: it disposes the host, and the exit code is read from its services afterwards.
    await host.StartAsync(cancellation);
    await host.WaitForShutdownAsync(cancellation);
    return host.OperatorExitCode();
}
