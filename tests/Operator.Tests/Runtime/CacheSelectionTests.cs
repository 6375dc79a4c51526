using BackendStack.Operator.Runtime.Clients;
using BackendStack.Operator.Runtime.Informers;

namespace BackendStack.Tests.Runtime;

public sealed class CacheSelectionTests
{
    private const string ManagedBy = "app.kubernetes.io/managed-by=backendstack-operator";

    [Theory]
    [InlineData("", "v1", "secrets", "Secret")]
    [InlineData("", "v1", "configmaps", "ConfigMap")]
    [InlineData("apps", "v1", "deployments", "Deployment")]
    [InlineData("snapshot.storage.k8s.io", "v1", "volumesnapshots", "VolumeSnapshot")]
    public void EveryKindOutsideTheOperatorsGroupIsSelectedByTheManagedByLabel(string group, string version, string plural, string kind) =>
        Assert.Equal(ManagedBy, CacheSelection.LabelSelectorFor(new ResourceType(group, version, plural, kind), requested: null));

    [Fact]
    public void ASelectorTheReaderAsksForIsAddedToTheManagedByLabel() =>
        Assert.Equal(
            $"{ManagedBy},app.kubernetes.io/name=redisfailover",
            CacheSelection.LabelSelectorFor(new ResourceType("", "v1", "pods", "Pod"), "app.kubernetes.io/name=redisfailover"));

    [Fact]
    public void TheOperatorsOwnKindsAreCachedWhole()
    {
        var tiers = new ResourceType("backendstack.io", "v1alpha1", "apptiers", "AppTier");

        Assert.Null(CacheSelection.LabelSelectorFor(tiers, null));
        Assert.Equal("team=shop", CacheSelection.LabelSelectorFor(tiers, "team=shop"));
    }
}
