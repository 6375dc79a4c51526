using BackendStack.Operator.RedisFailovers.Policy;

namespace BackendStack.Tests.RedisPolicy;

public sealed class ConfigDriftPolicyTests
{
    [Fact]
    public void OnlyDifferingOrMissingDirectivesAreReturnedInOrder()
    {
        var desired = new Dictionary<string, string> { ["save"] = "900 1", ["maxmemory-policy"] = "allkeys-lru", ["timeout"] = "300", ["hz"] = "20" };
        var running = new Dictionary<string, string> { ["save"] = "900  1", ["maxmemory-policy"] = "noeviction", ["timeout"] = "300" };

        Assert.Equal(
            [new KeyValuePair<string, string>("hz", "20"), new KeyValuePair<string, string>("maxmemory-policy", "allkeys-lru")],
            ConfigDriftPolicy.Drift(desired, running));
    }

    [Fact]
    public void ComparisonIgnoresCase() =>
        Assert.Empty(ConfigDriftPolicy.Drift(new Dictionary<string, string> { ["appendonly"] = "YES" }, new Dictionary<string, string> { ["appendonly"] = "yes" }));
}
