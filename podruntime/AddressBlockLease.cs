using System.Globalization;

namespace BackendStack.PodRuntime;

/// <summary>
/// One 127.B.0.0/16 block of Pod addresses held for as long as the lease lives, so that two runtimes on one machine
/// (parallel test classes, two suites, a sandbox) never hand out the same address: a second redis-server bound to
/// an address that another run's server holds fails at start, and a client of the first run would talk to the
/// wrong server. The hold is an exclusive lock on a file per block; the kernel drops it when the process ends, so
/// a killed run leaves no stale hold behind.
/// </summary>
public sealed class AddressBlockLease : IDisposable
{
    private readonly FileStream hold;

    private AddressBlockLease(int block, FileStream hold)
    {
        Block = block;
        this.hold = hold;
    }

    /// <summary>The second octet of the addresses this lease holds (<see cref="LocalPodRuntimeOptions.AddressBlock"/>).</summary>
    public int Block { get; }

    /// <summary>Holds a free block between <paramref name="first"/> and <paramref name="last"/>, trying them from a random one on.</summary>
    /// <exception cref="InvalidOperationException">Every block of the range is held.</exception>
    public static AddressBlockLease Acquire(int first, int last)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(last, 254);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "backendstack-address-blocks")).FullName;
        var count = last - first + 1;
        var start = Random.Shared.Next(count);
        for (var i = 0; i < count; i++)
        {
            var block = first + ((start + i) % count);
            var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"127.{block}.lock"));
            try
            {
                // FileShare.None is an exclusive flock on Linux: a second holder, in this process or another, is refused.
                return new AddressBlockLease(block, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                // Held by another runtime: try the next block.
            }
        }

        throw new InvalidOperationException($"every Pod address block from 127.{first} to 127.{last} is held by another runtime");
    }

    public void Dispose() => hold.Dispose();
}
