using BackendStack.Operator.Runtime.Informers;
using k8s;
using Microsoft.Extensions.DependencyInjection;

namespace BackendStack.Operator.Runtime.Hosting;

/// <summary>Registers the kinds a controller reads and writes: each a client of the runtime's Kubernetes client with the shared informer (and cache) of its kind.</summary>
internal static class KindRegistration
{
    public static IServiceCollection AddKinds<TKinds>(this IServiceCollection services, Func<IKubernetes, SharedInformers, TKinds> kinds)
        where TKinds : class
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return services.AddSingleton(sp => kinds(sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<SharedInformers>()));
    }
}
