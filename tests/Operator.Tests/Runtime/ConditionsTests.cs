using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Tests.Runtime;

public sealed class ConditionsTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ANewConditionGetsTheCurrentTimeTruncatedToSeconds()
    {
        var result = Conditions.Set(null, Ready("False", "Waiting"), T0.AddMilliseconds(750));

        var condition = Assert.Single(result);
        Assert.Equal(T0, condition.LastTransitionTime);
        Assert.Equal("Waiting", condition.Reason);
    }

    [Fact]
    public void TheTransitionTimeStaysWhenOnlyReasonOrMessageChange()
    {
        var first = Conditions.Set(null, Ready("False", "Waiting"), T0);
        var second = Conditions.Set(first, Ready("False", "StillWaiting", "other message"), T0.AddMinutes(5));

        var condition = Assert.Single(second);
        Assert.Equal(T0, condition.LastTransitionTime);
        Assert.Equal("StillWaiting", condition.Reason);
        Assert.Equal("other message", condition.Message);
    }

    [Fact]
    public void TheTransitionTimeMovesWhenTheStatusChanges()
    {
        var first = Conditions.Set(null, Ready("False", "Waiting"), T0);
        var second = Conditions.Set(first, Ready("True", "Done"), T0.AddMinutes(5));

        Assert.Equal(T0.AddMinutes(5), Assert.Single(second).LastTransitionTime);
    }

    [Fact]
    public void OtherConditionsAreKeptAndTheInputIsNotMutated()
    {
        var first = Conditions.Set(null, Ready("False", "Waiting"), T0);
        first = Conditions.Set(first, new V1Condition { Type = "Degraded", Status = "False", Reason = "AsExpected" }, T0);
        var second = Conditions.Set(first, Ready("True", "Done"), T0.AddMinutes(1));

        Assert.Equal(2, second.Count);
        Assert.Equal("False", Conditions.Find(first, "Ready")!.Status);
        Assert.True(Conditions.IsTrue(second, "Ready"));
        Assert.Equal(T0, Conditions.Find(second, "Degraded")!.LastTransitionTime);
    }

    private static V1Condition Ready(string status, string reason, string message = "m") =>
        new() { Type = "Ready", Status = status, Reason = reason, Message = message, ObservedGeneration = 1 };
}
