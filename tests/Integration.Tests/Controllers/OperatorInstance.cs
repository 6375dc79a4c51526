using BackendStack.Operator.AppTiers;
using BackendStack.Operator.Hosting;
using BackendStack.Operator.Runtime.Hosting;
using BackendStack.Operator.Runtime.Monitoring;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackendStack.Tests.Controllers;

/// <summary>The operator, built from the same registration as the executable (or only its AppTier controller), running in-process against a test API.</summary>
internal sealed class OperatorInstance : IAsyncDisposable
{
    private readonly IHost app;
    private bool stopped;

    private OperatorInstance(IHost app, RecordedLogs logs)
    {
        this.app = app;
        Logs = logs;
    }

    public RecordedLogs Logs { get; }

    /// <summary>The instance's services, for tests that read its controllers' queues and caches.</summary>
    public IServiceProvider Services => app.Services;

    public ControllerManager Manager => app.Services.GetRequiredService<ControllerManager>();

    public ControllerRuntimeMetrics Metrics => app.Services.GetRequiredService<ControllerRuntimeMetrics>();

    public bool IsStopping => app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;

    /// <summary>Where /metrics, /healthz and /readyz answer.</summary>
    public Uri HttpAddress => HttpAddresses[0];

    /// <summary>The probe address first, then the metrics address when it is another one.</summary>
    public IReadOnlyList<Uri> HttpAddresses => app.Services.GetRequiredService<EndpointsServer>().Addresses;

    public double Reconciles(string result = "success") => Metrics.ReconcileTotal.WithLabels("apptier", result).Value;

    public static async Task<OperatorInstance> StartAsync(KubernetesClientConfiguration api, Func<ControllerRuntimeOptions, ControllerRuntimeOptions>? configure = null, bool appTierOnly = false)
    {
        var options = new ControllerRuntimeOptions
        {
            ClientConfiguration = api,
            MetricsBindAddress = "127.0.0.1:0",
            HealthProbeBindAddress = "127.0.0.1:0",
            LeaderElectionNamespace = "default",
        };
        options = configure?.Invoke(options) ?? options;
        var logs = new RecordedLogs();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.ClearProviders().AddProvider(logs);
        if (appTierOnly)
        {
            // Tests that stand in for the kinds a tier depends on write their status themselves,
            // which those kinds' controllers would race them for.
            builder.Services.AddControllerRuntime(options).AddAppTierController();
        }
        else
        {
            builder.Services.AddBackendStackControllers(options);
        }
        var app = builder.Build();
        await app.StartAsync();
        return new OperatorInstance(app, logs);
    }

    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await app.StopAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        app.Dispose();
    }
}
