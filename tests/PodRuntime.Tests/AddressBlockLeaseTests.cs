namespace BackendStack.PodRuntime.Tests;

public sealed class AddressBlockLeaseTests
{
    // Blocks no other test uses (the stacks take theirs from 150 to 249).
    private const int First = 253;
    private const int Last = 254;

    [Fact]
    public void TwoLeasesHoldDifferentBlocksAndAThirdIsRefusedNamingTheRange()
    {
        using var one = AddressBlockLease.Acquire(First, Last);
        using var two = AddressBlockLease.Acquire(First, Last);

        Assert.Equal([First, Last], new[] { one.Block, two.Block }.Order());
        var refused = Assert.Throws<InvalidOperationException>(() => AddressBlockLease.Acquire(First, Last));
        Assert.Contains($"127.{First} to 127.{Last}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADisposedLeaseFreesItsBlock()
    {
        var first = AddressBlockLease.Acquire(First, First);
        var block = first.Block;
        first.Dispose();

        using var again = AddressBlockLease.Acquire(First, First);
        Assert.Equal(block, again.Block);
    }
}
