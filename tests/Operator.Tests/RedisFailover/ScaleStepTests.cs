using BackendStack.Operator.RedisFailovers.Policy;

namespace BackendStack.Tests.RedisPolicy;

public sealed class ScaleStepTests
{
    [Theory]
    [InlineData(null, 3, 0, null, 3)]
    [InlineData(3, 3, 3, 0, 3)]
    [InlineData(3, 5, 3, 0, 4)]
    [InlineData(4, 5, 3, 0, 4)]
    [InlineData(5, 2, 5, 0, 4)]
    [InlineData(5, 2, 5, 4, 5)]
    [InlineData(3, 2, 1, 1, 2)]
    public void OnePodPerStepUpOnlyWhenReadyDownNeverRemovingTheMaster(int? current, int desired, int ready, int? masterOrdinal, int next) =>
        Assert.Equal(next, ScaleStep.Next(current, desired, ready, masterOrdinal));
}
