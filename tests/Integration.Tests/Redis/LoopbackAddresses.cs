namespace BackendStack.Tests.Redis;

/// <summary>
/// Hands out distinct 127.x.y.z addresses (all of 127.0.0.0/8 is loopback on Linux), so every
/// Redis and Sentinel listens on its own address with its standard port, as pods do. The second
/// octet is drawn per test run so parallel runs on one machine do not collide.
/// </summary>
internal static class LoopbackAddresses
{
    private static readonly int Octet2 = Random.Shared.Next(100, 200);
    private static int block;

    /// <summary>A block of up to 250 addresses 127.a.b.1 .. 127.a.b.250 for one topology.</summary>
    public static Func<int, string> NextBlock()
    {
        var b = Interlocked.Increment(ref block);
        return i => $"127.{Octet2}.{b % 256}.{i + 1}";
    }
}
