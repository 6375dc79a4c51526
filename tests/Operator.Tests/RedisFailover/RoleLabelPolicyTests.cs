using BackendStack.Operator.RedisFailovers.Policy;
using k8s.Models;

namespace BackendStack.Tests.RedisPolicy;

public sealed class RoleLabelPolicyTests
{
    private static V1Pod Pod(string name, string? role) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = role is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["backendstack.io/role"] = role } },
    };

    [Fact]
    public void OnlyPodsWhoseRoleDiffersAreRelabelled() =>
        Assert.Equal(
            [("rf-redis-0", "replica"), ("rf-redis-2", "master")],
            RoleLabelPolicy.Changes([Pod("rf-redis-0", "master"), Pod("rf-redis-1", "replica"), Pod("rf-redis-2", "replica")], "rf-redis-2"));

    [Fact]
    public void UnlabelledPodsGetARoleAndCorrectLabelsNeedNothing()
    {
        Assert.Equal([("rf-redis-1", "replica")], RoleLabelPolicy.Changes([Pod("rf-redis-0", "master"), Pod("rf-redis-1", null)], "rf-redis-0"));
        Assert.Empty(RoleLabelPolicy.Changes([Pod("rf-redis-0", "master"), Pod("rf-redis-1", "replica")], "rf-redis-0"));
    }

    [Fact]
    public void WithoutAKnownMasterPodNoPodIsLabelledMaster() =>
        Assert.Equal([("rf-redis-0", "replica")], RoleLabelPolicy.Changes([Pod("rf-redis-0", "master"), Pod("rf-redis-1", "replica")], null));
}
