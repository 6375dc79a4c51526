using BackendStack.Operator.AppTiers;
using BackendStack.Operator.GlusterVolumes;
using BackendStack.Operator.PerconaClusters;
using BackendStack.Operator.ProxySQLs;
using BackendStack.Operator.RedisFailovers;
using BackendStack.Operator.Runtime.Hosting;
using BackendStack.Operator.Runtime.Informers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackendStack.Operator.Hosting;

/// <summary>The operator's controllers on top of the runtime: what Program.cs adds to its host.</summary>
internal static class BackendStackControllers
{
    /// <summary>Registers the runtime (manager, informers, events, /metrics, /healthz, /readyz) and every controller.</summary>
    public static IServiceCollection AddBackendStackControllers(this IServiceCollection services, ControllerRuntimeOptions options) =>
        services.AddControllerRuntime(options).AddAppTierController().AddRedisFailoverController().AddPerconaClusterController().AddProxySqlController().AddGlusterVolumeController();

    /// <summary>Registers everything with the settings of the command line.</summary>
    public static IServiceCollection AddBackendStackControllers(this IServiceCollection services, OperatorOptions options) =>
        services.AddBackendStackControllers(new ControllerRuntimeOptions
        {
            MetricsBindAddress = options.MetricsBindAddress,
            HealthProbeBindAddress = options.HealthProbeBindAddress,
            LeaderElect = options.LeaderElect,
            Informers = new InformerOptions { Namespaces = options.Namespaces },
        });

    /// <summary>The process exit code once the host stopped: 1 when it stopped because it lost the leader Lease.</summary>
    public static int OperatorExitCode(this IHost host) =>
        host.Services.GetService<ControllerManager>()?.LeadershipLost == true ? 1 : 0;
}
