using BackendStack.PodRuntime.Status;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

public sealed class PodStatusCalculatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static V1ContainerStatus Running(string name, bool ready) => new()
    {
        Name = name,
        Ready = ready,
        State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = Start.UtcDateTime } },
    };

    private static V1ContainerStatus Terminated(string name, int code) => new()
    {
        Name = name,
        State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = code } },
    };

    private static V1PodStatus Compute(string policy, V1ContainerStatus[] init, V1ContainerStatus[] app, V1PodStatus? previous = null, int minutes = 0) =>
        PodStatusCalculator.Compute(new PodStatusInput(
            new V1Pod { Metadata = new V1ObjectMeta { Name = "p" }, Spec = new V1PodSpec { RestartPolicy = policy }, Status = new V1PodStatus { PodIP = "127.0.0.9" } },
            init, app, "127.0.0.1", Start, Start.AddMinutes(minutes), previous));

    [Theory]
    [InlineData("Always", 0, "Running")]
    [InlineData("Never", 0, "Succeeded")]
    [InlineData("Never", 1, "Failed")]
    [InlineData("OnFailure", 0, "Succeeded")]
    [InlineData("OnFailure", 1, "Running")]
    public void PhaseFollowsExitCodesAndRestartPolicy(string policy, int exitCode, string phase) =>
        Assert.Equal(phase, Compute(policy, [], [Terminated("c", exitCode)]).Phase);

    [Fact]
    public void PendingUntilInitContainersSucceedAndReadyOnlyWhenEveryContainerIs()
    {
        Assert.Equal("Pending", Compute("Always", [Running("init", false)], [new V1ContainerStatus { Name = "c", State = new V1ContainerState() }]).Phase);
        var partly = Compute("Always", [Terminated("init", 0)], [Running("a", true), Running("b", false)]);
        Assert.Equal("Running", partly.Phase);
        var ready = partly.Conditions.Single(c => c.Type == "Ready");
        Assert.Equal(("False", "ContainersNotReady", "containers with unready status: [b]"), (ready.Status, ready.Reason, ready.Message));
        Assert.Equal("True", Compute("Always", [], [Running("a", true)]).Conditions.Single(c => c.Type == "Ready").Status);
    }

    [Fact]
    public void TransitionTimeChangesOnlyWhenTheConditionsStatusChanges()
    {
        var first = Compute("Always", [], [Running("a", false)]);
        var same = Compute("Always", [], [Running("a", false)], first, minutes: 5);
        var flipped = Compute("Always", [], [Running("a", true)], same, minutes: 9);

        DateTime? Ready(V1PodStatus s) => s.Conditions.Single(c => c.Type == "Ready").LastTransitionTime;
        Assert.Equal(Ready(first), Ready(same));
        Assert.Equal(Start.AddMinutes(9).UtcDateTime, Ready(flipped));
    }
}
