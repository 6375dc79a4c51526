using BackendStack.Operator.Runtime.Controllers;
using BackendStack.Operator.Runtime.Informers;
using BackendStack.Operator.Runtime.Monitoring;
using BackendStack.Operator.Runtime.Queue;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.Runtime.Hosting;

/// <summary>Makes a controller from the runtime's services: its worker count, clock, logger category "Controller.name" and metrics.</summary>
internal static class ControllerFactory
{
    public static Controller<T> NewController<T>(this IServiceProvider services, string name, Informer<T> primary, IReconciler reconciler, bool wakeOnOwnWrites = true)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        services.NewController(name, primary, _ => reconciler, wakeOnOwnWrites);

    /// <summary>A controller whose reconciler is made with the controller's work queue (it enqueues keys from a source other than informers).</summary>
    public static Controller<T> NewController<T>(this IServiceProvider services, string name, Informer<T> primary, Func<WorkQueue<ObjectKey>, IReconciler> reconciler, bool wakeOnOwnWrites = true)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<ControllerRuntimeOptions>();
        return new Controller<T>(
            name, primary, reconciler, new ControllerOptions(options.MaxConcurrentReconciles, wakeOnOwnWrites), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Controller." + name), services.GetRequiredService<ControllerRuntimeMetrics>());
    }
}
