using System.Text.Json.Nodes;
using BackendStack.Emulator.Semantics;
using BackendStack.Emulator.Storage;
using BackendStack.PodRuntime;
using Microsoft.Extensions.Logging;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// The built-in controllers, driven by the store's change feed one event at a time: each change
/// reconciles the object it touched and the owner and Services that depend on it.
/// </summary>
internal sealed class WorkloadControllers
{
    private readonly ResourceService service;
    private readonly ClusterState cluster;
    private readonly PodAddresses addresses;
    private readonly PodLifecycle pods;
    private readonly StatefulSetController statefulSets;
    private readonly DeploymentController deployments;
    private readonly ReplicaSetController replicaSets;
    private readonly JobController jobs;
    private readonly LabelIndex podLabels;
    private readonly LabelIndex serviceSelectors;
    private readonly EndpointsController endpoints;
    private readonly VolumeBinder volumes;
    private readonly ILogger logger;

    /// <param name="service">The store and semantics the controllers write through.</param>
    /// <param name="logger">Where the controllers tell what they dropped.</param>
    /// <param name="localPods">Pods run as local processes, which report their own status: only give them addresses.</param>
    /// <param name="podAddressBlock">Second octet of Pod addresses when <paramref name="localPods"/> is null.</param>
    public WorkloadControllers(ResourceService service, ILogger logger, LocalPodRuntimeOptions? localPods = null, int podAddressBlock = 0)
    {
        this.service = service;
        this.logger = logger;
        cluster = new ClusterState(service);
        addresses = new PodAddresses(localPods?.AddressBlock ?? podAddressBlock);
        pods = new PodLifecycle(cluster, addresses, addressOnly: localPods is not null);
        statefulSets = new StatefulSetController(cluster);
        deployments = new DeploymentController(cluster);
        replicaSets = new ReplicaSetController(cluster);
        jobs = new JobController(cluster);
        podLabels = new LabelIndex("pods", EndpointsController.Labels);
        serviceSelectors = new LabelIndex("services", EndpointsController.Selector);
        endpoints = new EndpointsController(cluster, podLabels, serviceSelectors);
        volumes = new VolumeBinder(cluster);
    }

    public Task RunAsync(CancellationToken ct) =>
        ChangeFeed.RunAsync(service.Store, Handle, logger, ct, seed: () =>
        {
            addresses.Seed(service.Store.List("pods", null).Items);
            podLabels.Seed(service.Store.List("pods", null).Items);
            serviceSelectors.Seed(service.Store.List("services", null).Items);
        });

    private void Handle(StoreEvent e)
    {
        if (e.Object is null) return;
        podLabels.Observe(e);
        serviceSelectors.Observe(e);
        var ns = e.Object.Namespace;
        var name = e.Object.Name;
        var deleted = e.Type == StoreEventType.Deleted;
        switch (e.Store)
        {
            case "statefulsets.apps": statefulSets.Reconcile(ns, name); break;
            case "deployments.apps": deployments.Reconcile(ns, name); break;
            case "replicasets.apps":
                replicaSets.Reconcile(ns, name);
                ReconcileOwner(e.Object.View);
                break;
            case "jobs.batch": jobs.Reconcile(ns, name); break;
            case "services": endpoints.Reconcile(ns, name); break;
            case "persistentvolumeclaims" when !deleted: volumes.Reconcile(e.Object.Clone()); break;
            case "pods":
                addresses.Observe(e);
                if (!deleted) pods.Reconcile(e.Object.Clone());
                ReconcileOwner(e.Object.View);
                endpoints.PodChanged(e);
                break;
        }
    }

    private void ReconcileOwner(JsonObject obj)
    {
        var owner = (Json.At(obj, "metadata.ownerReferences") as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(r => r["controller"]?.GetValue<bool>() == true);
        if (owner is null) return;
        var ns = Json.Str(obj, "metadata.namespace") ?? "";
        var name = Json.Str(owner, "name") ?? "";
        switch (Json.Str(owner, "kind"))
        {
            case "StatefulSet": statefulSets.Reconcile(ns, name); break;
            case "ReplicaSet": replicaSets.Reconcile(ns, name); break;
            case "Deployment": deployments.Reconcile(ns, name); break;
            case "Job": jobs.Reconcile(ns, name); break;
        }
    }
}
