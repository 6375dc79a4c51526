using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Informers;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;

namespace BackendStack.Tests.Runtime;

/// <summary>A cache fed by one list and watch per namespace, and the metadata it does not keep.</summary>
public sealed class ObjectCacheScopeTests
{
    [Fact]
    public void AListOfOneNamespaceReplacesOnlyThatNamespace()
    {
        var cache = new ObjectCache<V1ConfigMap>(new FakeTimeProvider());
        cache.Replace([Map("a", "one", "1"), Map("a", "two", "2")], "a");
        cache.Replace([Map("b", "one", "3")], "b");

        var changes = cache.Replace([Map("a", "two", "4"), Map("a", "three", "5")], "a");

        Assert.Equal(["three"], changes.Added.Select(m => m.Metadata.Name));
        Assert.Equal(["two"], changes.Updated.Select(u => u.New.Metadata.Name));
        Assert.Equal(["one"], changes.Deleted.Select(m => m.Metadata.Name));
        Assert.NotNull(cache.Get(new ObjectKey("b", "one")));
        Assert.Equal(3, cache.Count);
        Assert.Equal(["three", "two"], cache.List("a").Select(m => m.Metadata.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AClusterWideListReplacesEveryNamespace()
    {
        var cache = new ObjectCache<V1ConfigMap>(new FakeTimeProvider());
        cache.Replace([Map("a", "one", "1"), Map("b", "one", "2")]);

        var changes = cache.Replace([Map("b", "one", "2")]);

        Assert.Equal(["a"], changes.Deleted.Select(m => m.Metadata.NamespaceProperty));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void LastAppliedConfigurationIsDroppedAndOtherAnnotationsKept()
    {
        var cache = new ObjectCache<V1ConfigMap>(new FakeTimeProvider());
        var onlyLastApplied = Map("a", "applied", "1");
        onlyLastApplied.Metadata.Annotations = new Dictionary<string, string> { [UnreadMetadata.LastAppliedConfiguration] = "{}" };
        var both = Map("a", "annotated", "2");
        both.Metadata.Annotations = new Dictionary<string, string> { [UnreadMetadata.LastAppliedConfiguration] = "{}", ["team"] = "shop" };

        cache.Upsert(onlyLastApplied);
        cache.RecordWrite(both);

        Assert.Null(cache.Get(new ObjectKey("a", "applied"))!.Metadata.Annotations);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "shop" }, cache.Get(new ObjectKey("a", "annotated"))!.Metadata.Annotations);
    }

    private static V1ConfigMap Map(string ns, string name, string resourceVersion) =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, ResourceVersion = resourceVersion } };
}
