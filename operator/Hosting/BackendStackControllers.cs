using BackendStack.Operator.AppTiers;
using BackendStack.Operator.Runtime.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BackendStack.Operator.Hosting;

/// <summary>The operator's controllers on top of the runtime: what Program.cs calls.</summary>
internal static class BackendStackControllers
{
    /// <summary>Registers the runtime and every controller, and listens on the metrics and probe addresses.</summary>
    public static WebApplicationBuilder AddBackendStackControllers(this WebApplicationBuilder builder, ControllerRuntimeOptions options)
    {
        builder.WebHost.ListenOnControllerRuntimeAddresses(options);
        builder.Services.AddControllerRuntime(options).AddAppTierController();
        return builder;
    }

    /// <summary>Maps /metrics, /healthz and /readyz.</summary>
    public static WebApplication MapBackendStackEndpoints(this WebApplication app, ControllerRuntimeOptions options)
    {
        app.MapControllerRuntimeEndpoints(options);
        return app;
    }
}
