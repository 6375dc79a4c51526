using BackendStack.PodRuntime.Images;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// A test that runs the real ProxySQL binary: skipped, with the reason and how to provide one, on a host that has none
/// (ProxySQL has no Debian package; CI finds it in ../shared/bin/proxysql).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProxySqlFactAttribute : FactAttribute
{
    public ProxySqlFactAttribute()
    {
        if (ProxySqlBinary.FromEnvironment().MissingBecause() is { } reason)
        {
            Skip = reason;
        }
    }
}
