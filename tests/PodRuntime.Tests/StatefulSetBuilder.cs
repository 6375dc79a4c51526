using k8s;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// The shape every stateful workload in these tests takes: a headless Service that publishes
/// not-ready addresses (peers find each other before they are Ready) and a StatefulSet of one
/// container with a 1Gi claim per Pod, all labelled app=name.
/// </summary>
internal sealed record StatefulSetBuilder(string Name, int Replicas, int Port, V1Container Container, string Claim)
{
    public int TerminationGracePeriodSeconds { get; init; } = 5;

    public bool Parallel { get; init; }

    public IList<V1Volume>? Volumes { get; init; }

    public async Task CreateAsync(Kubernetes client, string ns)
    {
        ArgumentNullException.ThrowIfNull(client);
        var labels = new Dictionary<string, string> { ["app"] = Name };
        await client.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = Name },
            Spec = new V1ServiceSpec { ClusterIP = "None", Selector = labels, PublishNotReadyAddresses = true, Ports = [new V1ServicePort { Port = Port }] },
        }, ns);
        await client.AppsV1.CreateNamespacedStatefulSetAsync(new V1StatefulSet
        {
            Metadata = new V1ObjectMeta { Name = Name },
            Spec = new V1StatefulSetSpec
            {
                Replicas = Replicas,
                ServiceName = Name,
                PodManagementPolicy = Parallel ? "Parallel" : null,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec { TerminationGracePeriodSeconds = TerminationGracePeriodSeconds, Volumes = Volumes, Containers = [Container] },
                },
                VolumeClaimTemplates =
                [
                    new V1PersistentVolumeClaim
                    {
                        Metadata = new V1ObjectMeta { Name = Claim },
                        Spec = new V1PersistentVolumeClaimSpec
                        {
                            AccessModes = ["ReadWriteOnce"],
                            Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("1Gi") } },
                        },
                    },
                ],
            },
        }, ns);
    }
}
