using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackendStack.Operator.Hosting;

/// <summary>
/// The generic host of the operator. It registers <see cref="OperatorOptions"/>, the client
/// configuration and an <see cref="IKubernetes"/> client; controllers, probes and metrics are
/// added to <see cref="HostApplicationBuilder.Services"/> before the host is built.
/// </summary>
public static class OperatorHost
{
    /// <summary>A host builder with the Kubernetes client of <paramref name="options"/> registered.</summary>
    public static HostApplicationBuilder CreateBuilder(OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientConfig = KubernetesConfigLocator.Load(options.Kubeconfig);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ApplicationName = "backendstack-operator" });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(clientConfig);
        builder.Services.AddSingleton<IKubernetes>(_ => new Kubernetes(clientConfig));
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
