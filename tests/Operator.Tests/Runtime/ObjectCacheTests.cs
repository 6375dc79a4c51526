using BackendStack.Operator.Runtime;
using BackendStack.Operator.Runtime.Informers;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;

namespace BackendStack.Tests.Runtime;

public sealed class ObjectCacheTests
{
    [Fact]
    public void CachedObjectsDropManagedFieldsWhetherWatchedOrWritten()
    {
        var cache = new ObjectCache<V1ConfigMap>(new FakeTimeProvider());
        cache.Upsert(WithManagedFields("watched", "1"));
        cache.RecordWrite(WithManagedFields("written", "2"));

        var watched = cache.Get(new ObjectKey("ns", "watched"))!;
        var written = cache.Get(new ObjectKey("ns", "written"))!;

        Assert.Null(watched.Metadata.ManagedFields);
        Assert.Null(written.Metadata.ManagedFields);
        Assert.Equal("value", watched.Data["key"]);
        Assert.Equal("2", written.Metadata.ResourceVersion);
    }

    private static V1ConfigMap WithManagedFields(string name, string resourceVersion) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "ns",
            ResourceVersion = resourceVersion,
            ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl", Operation = "Apply", FieldsType = "FieldsV1" }],
        },
        Data = new Dictionary<string, string> { ["key"] = "value" },
    };
}
