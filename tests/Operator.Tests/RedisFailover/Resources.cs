using BackendStack.Operator.Api;

namespace BackendStack.Tests.RedisPolicy;

/// <summary>A RedisFailover named rf in namespace shop, with the spec tweaks a test needs.</summary>
internal static class Resources
{
    public static RedisFailover Rf(Action<RedisFailoverSpec>? tweak = null)
    {
        var rf = new RedisFailover
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "rf", NamespaceProperty = "shop", Uid = "uid-1", Generation = 3 },
        };
        tweak?.Invoke(rf.Spec);
        return rf;
    }
}
