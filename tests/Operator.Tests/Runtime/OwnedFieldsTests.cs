using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Tests.Runtime;

public sealed class OwnedFieldsTests
{
    [Fact]
    public void FieldsTheServerDefaultsOrOthersAddAreNotDrift()
    {
        var desired = Service(port: 80);
        var live = Service(port: 80);
        live.Metadata.ResourceVersion = "42";
        live.Metadata.Uid = "u";
        live.Metadata.Labels["added-by-someone"] = "x";
        live.Spec.ClusterIP = "10.0.0.1";
        live.Spec.Ports[0].Protocol = "TCP";
        live.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus() };

        Assert.True(OwnedFields.AreSatisfied(desired, live));
    }

    [Fact]
    public void AChangedOwnedValueIsDrift()
    {
        Assert.False(OwnedFields.AreSatisfied(Service(port: 80), Service(port: 81)));

        var relabelled = Service(port: 80);
        relabelled.Metadata.Labels["app"] = "other";
        Assert.False(OwnedFields.AreSatisfied(Service(port: 80), relabelled));
    }

    [Fact]
    public void AChangedDesiredObjectIsComparedAgainWithALiveObjectThatSatisfiedTheOldOne()
    {
        var live = Service(port: 80);

        Assert.True(OwnedFields.AreSatisfied(Service(port: 80), live));
        Assert.True(OwnedFields.AreSatisfied(Service(port: 80), live));
        Assert.False(OwnedFields.AreSatisfied(Service(port: 81), live));
        Assert.True(OwnedFields.AreSatisfied(Service(port: 80), live));
    }

    [Fact]
    public void ArraysMustMatchElementByElement()
    {
        var live = Service(port: 80);
        live.Spec.Ports.Add(new V1ServicePort { Name = "extra", Port = 81 });

        Assert.False(OwnedFields.AreSatisfied(Service(port: 80), live));
    }

    [Fact]
    public void AnEmptyCollectionTheServerLeftOutIsNotDrift()
    {
        var desired = Service(port: 80);
        desired.Spec.ExternalIPs = [];

        Assert.True(OwnedFields.AreSatisfied(desired, Service(port: 80)));
    }

    [Fact]
    public void TheOwnedPartDropsStatusAndServerMetadata()
    {
        var service = Service(port: 80);
        service.Metadata.ResourceVersion = "7";
        service.Metadata.OwnerReferences = [new V1OwnerReference { Name = "o", Uid = "u", Kind = "K", ApiVersion = "v1" }];
        service.Status = new V1ServiceStatus();

        var owned = OwnedFields.Owned(service);

        Assert.Null(owned["status"]);
        Assert.Null(owned["metadata"]!["resourceVersion"]);
        Assert.Null(owned["metadata"]!["ownerReferences"]);
        Assert.Equal("web", (string?)owned["metadata"]!["labels"]!["app"]);
    }

    private static V1Service Service(int port) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "ns", Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new V1ServiceSpec
        {
            Selector = new Dictionary<string, string> { ["app"] = "web" },
            Ports = [new V1ServicePort { Name = "http", Port = port }],
        },
    };
}
