using BackendStack.Operator.Runtime.Clients;
using BackendStack.Operator.Runtime.Events;
using BackendStack.Operator.Runtime.Informers;
using BackendStack.Operator.Runtime.Leadership;
using BackendStack.Operator.Runtime.Monitoring;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.Runtime.Hosting;

/// <summary>Registers the runtime: client, metrics, shared informers, event recorder and the manager.</summary>
internal static class ControllerRuntimeServices
{
    public static IServiceCollection AddControllerRuntime(this IServiceCollection services, ControllerRuntimeOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(options.Informers);

        // Each operator instance gets its own registry, so two instances in one process (tests) keep their own figures.
        services.AddSingleton(_ => new ControllerRuntimeMetrics(Prometheus.Metrics.NewCustomRegistry()));

        // Replaces a plain client the host may have registered: this one also counts rest_client_requests_total.
        services.Replace(ServiceDescriptor.Singleton<IKubernetes>(sp => new Kubernetes(
            SharedStrings.Share(options.ClientConfiguration ?? sp.GetService<KubernetesClientConfiguration>() ?? KubernetesClientConfiguration.BuildDefaultConfig()),
            new RestClientMetricsHandler(sp.GetRequiredService<ControllerRuntimeMetrics>()))));
        services.AddSingleton<SharedInformers>();
        services.AddSingleton(sp => new EventRecorder(
            sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EventRecorder>>(), "backendstack-operator"));
        services.AddSingleton<IEventRecorder>(sp => sp.GetRequiredService<EventRecorder>());
        services.AddHostedService(sp => sp.GetRequiredService<EventRecorder>());
        services.AddSingleton<Func<LeaseElection>>(sp => () => new LeaseElection(
            sp.GetRequiredService<IKubernetes>(), options, sp.GetRequiredService<ControllerRuntimeMetrics>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LeaseElection>>()));
        services.AddSingleton<ControllerManager>();
        services.AddHostedService(sp => sp.GetRequiredService<ControllerManager>());
        services.AddSingleton<EndpointsServer>();
        services.AddHostedService(sp => sp.GetRequiredService<EndpointsServer>());
        return services;
    }
}
