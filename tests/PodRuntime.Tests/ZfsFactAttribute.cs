using BackendStack.PodRuntime.Zfs;

namespace BackendStack.PodRuntime.Tests;

/// <summary>A test that runs the real zfs-fuse daemon: skipped, with the reason and how to install it, on a host without it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ZfsFactAttribute : FactAttribute
{
    public ZfsFactAttribute()
    {
        if (ZfsAvailability.MissingBecause() is { } reason)
        {
            Skip = reason;
        }
    }
}
