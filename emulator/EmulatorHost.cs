using System.Globalization;
using System.Net;
using BackendStack.Emulator.Controllers;
using BackendStack.Emulator.Http;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Semantics;
using BackendStack.Emulator.Storage;
using BackendStack.Emulator.Streaming;
using BackendStack.Emulator.Validation;
using BackendStack.Emulator.Watch;
using BackendStack.PodRuntime;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackendStack.Emulator;

/// <summary>
/// An in-process Kubernetes API server on 127.0.0.1, for tests and the local sandbox. Point
/// kubectl at <see cref="WriteKubeconfig"/>'s file or KubernetesClient at <see cref="CreateClientConfiguration"/>.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ControllerSet controllers;
    private Kubernetes? localPodsClient;
    private bool disposed;

    private EmulatorHost(WebApplication app, ResourceService service, FaultInjector faults, RequestCounters requests, ControllerSet controllers)
    {
        this.app = app;
        Service = service;
        Faults = faults;
        Requests = requests;
        this.controllers = controllers;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }

    public Uri BaseAddress { get; }
    public FaultInjector Faults { get; }
    public RequestCounters Requests { get; }

    /// <summary>The node agent running Pods as local processes, when <see cref="EmulatorOptions.LocalPods"/> is set.</summary>
    public Kubelet? LocalPods { get; private set; }

    /// <summary>Objects currently stored (all kinds).</summary>
    public long ObjectCount => Service.Store.ObjectCount;

    internal ResourceService Service { get; }

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var store = new ObjectStore(options.WatchHistorySize);
        var registry = new ResourceRegistry();
        var crds = new CustomResourceDefinitions(registry, store, options.Time);
        var service = new ResourceService(store, registry, options.Time,
            [new BuiltInDefaults(), crds, new CustomResourceValidation()], [crds]);
        Bootstrap.CreateSystemNamespaces(service);
        var faults = new FaultInjector(store);
        var requests = new RequestCounters();
        var podLogs = new PodLogHandler();
        var podExec = new PodExecHandler(service);
        var dispatcher = new ApiDispatcher(registry, new ReadHandler(service), new WriteHandler(service),
            new WatchHandler(service, options.BookmarkInterval), faults, requests, podLogs, podExec);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(dispatcher.HandleAsync);
        await app.StartAsync(cancellationToken);
        var controllers = ControllerSet.Start(service, options);
        var host = new EmulatorHost(app, service, faults, requests, controllers);
        if (options.LocalPods is { } localPods)
        {
            if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("local Pods need Linux (mount and PID namespaces)");
            host.localPodsClient = new Kubernetes(host.CreateClientConfiguration());
            host.LocalPods = podLogs.Kubelet = podExec.Kubelet = faults.LocalPods = new Kubelet(host.localPodsClient, localPods, options.Loggers.CreateLogger<Kubelet>());
            await host.LocalPods.StartAsync(cancellationToken);
        }
        return host;
    }

    /// <summary>A client configuration for this server; <c>new k8s.Kubernetes(config)</c> talks to it.</summary>
    public KubernetesClientConfiguration CreateClientConfiguration() =>
        new() { Host = BaseAddress.ToString().TrimEnd('/'), Namespace = "default" };

    /// <summary>Writes a kubeconfig with one cluster, user and context (current) pointing at this server.</summary>
    public void WriteKubeconfig(string path) => File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: emulator
          cluster:
            server: {BaseAddress.ToString().TrimEnd('/')}
        users:
        - name: emulator
          # KubernetesClient refuses a user without credentials; the emulator accepts any token.
          user:
            token: emulator
        contexts:
        - name: emulator
          context:
            cluster: emulator
            user: emulator
            namespace: default
        current-context: emulator

        """));

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        if (LocalPods is not null) await LocalPods.DisposeAsync();
        localPodsClient?.Dispose();
        Faults.DropAllWatches();
        await controllers.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
