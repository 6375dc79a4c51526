using System.Globalization;
using BackendStack.Emulator.Storage;

namespace BackendStack.Emulator.Controllers;

/// <summary>
/// The loopback addresses (127.B.x.y) that Pods hold, kept from the change feed, so that handing out the lowest free
/// one does not read every Pod. An address is reserved for a Pod from the moment it is handed out until the Pod is
/// deleted or seen with another address; a Pod seen without one keeps its reservation, so no two Pods can get the
/// same address while the write that gives it is still on its way through the feed.
/// </summary>
internal sealed class PodAddresses(int addressBlock)
{
    private readonly Dictionary<string, int> byPod = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> holders = [];

    /// <summary>Takes in the Pods already stored (before the feed starts).</summary>
    public void Seed(IEnumerable<StoredObject> pods)
    {
        foreach (var pod in pods) Hold(pod.Key, Json.Str(pod.View, "status.podIP"));
    }

    public void Observe(StoreEvent e)
    {
        if (e.Object is null) return;
        if (e.Type == StoreEventType.Deleted) Release(e.Object.Key);
        else Hold(e.Object.Key, Json.Str(e.Object.View, "status.podIP"));
    }

    /// <summary>The lowest address from 127.B.1.1 up that no Pod holds, reserved for <paramref name="podKey"/>.</summary>
    public string Allocate(string podKey)
    {
        for (var n = 256 + 1; ; n++)
        {
            if (n % 256 is 0 or 255 || holders.ContainsKey(n)) continue;
            var ip = string.Create(CultureInfo.InvariantCulture, $"127.{addressBlock}.{n / 256}.{n % 256}");
            Hold(podKey, ip);
            return ip;
        }
    }

    private void Hold(string podKey, string? ip)
    {
        if (Number(ip) is not { } n || (byPod.TryGetValue(podKey, out var held) && held == n)) return;
        Release(podKey);
        byPod[podKey] = n;
        holders[n] = holders.GetValueOrDefault(n) + 1;
    }

    private void Release(string podKey)
    {
        if (!byPod.Remove(podKey, out var n)) return;
        if (holders[n] == 1) holders.Remove(n);
        else holders[n]--;
    }

    /// <summary>x * 256 + y for 127.B.x.y in this emulator's block; other addresses cannot collide with ours.</summary>
    private int? Number(string? ip)
    {
        var parts = ip?.Split('.');
        return parts is [ "127", var b, var x, var y ] && b == addressBlock.ToString(CultureInfo.InvariantCulture)
               && int.TryParse(x, CultureInfo.InvariantCulture, out var high) && int.TryParse(y, CultureInfo.InvariantCulture, out var low)
            ? high * 256 + low
            : null;
    }
}
