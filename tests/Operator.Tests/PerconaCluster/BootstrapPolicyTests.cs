using BackendStack.Operator.PerconaClusters.Policy;

namespace BackendStack.Tests.PerconaClusterPolicy;

public sealed class BootstrapPolicyTests
{
    [Fact]
    public void HighestSeqnoWins() =>
        Assert.Equal(2, BootstrapPolicy.ChooseAfterFullCrash([new(0, 10, true), new(1, 11, false), new(2, 12, false)], anyPrimary: false)?.Ordinal);

    [Fact]
    public void TieGoesToSafeToBootstrapThenLowestOrdinal()
    {
        Assert.Equal(2, BootstrapPolicy.ChooseAfterFullCrash([new(0, 12, false), new(1, 7, true), new(2, 12, true)], anyPrimary: false)?.Ordinal);
        Assert.Equal(1, BootstrapPolicy.ChooseAfterFullCrash([new(0, 5, false), new(1, 12, false), new(2, 12, false)], anyPrimary: false)?.Ordinal);
    }

    [Fact]
    public void NoChoiceWhileAnyNodeIsPrimary() =>
        Assert.Null(BootstrapPolicy.ChooseAfterFullCrash([new(0, 10, true), new(1, 11, false)], anyPrimary: true));

    [Fact]
    public void NoChoiceWhileASeqnoIsUnknown() =>
        Assert.Null(BootstrapPolicy.ChooseAfterFullCrash([new(0, 10, true), new(1, null, false)], anyPrimary: false));

    [Fact]
    public void NoChoiceWithoutNodes() =>
        Assert.Null(BootstrapPolicy.ChooseAfterFullCrash([], anyPrimary: false));
}
