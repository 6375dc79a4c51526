using BackendStack.Operator.Api;
using BackendStack.Operator.RedisFailovers.Builders;

namespace BackendStack.Tests.RedisPolicy;

public sealed class RedisConfigBuilderTests
{
    [Fact]
    public void DefaultsUseBackgroundDumpsSlowlogLimitsAndTimeouts()
    {
        var config = RedisConfigBuilder.Build(new RedisSpec());

        Assert.Empty(config.Errors);
        Assert.Equal("3600 1 300 100 60 10000", config.Live["save"]);
        Assert.Equal("no", config.Live["appendonly"]);
        Assert.Equal("10000", config.Live["slowlog-log-slower-than"]);
        Assert.Equal("128", config.Live["slowlog-max-len"]);
        Assert.Equal("10000", config.Live["maxclients"]);
        Assert.Equal("300", config.Live["timeout"]);
        Assert.Equal("60", config.Live["tcp-keepalive"]);
        Assert.Contains("save \"3600 1 300 100 60 10000\"\n", config.File, StringComparison.Ordinal);
        Assert.Contains("dir /data\n", config.File, StringComparison.Ordinal);
        Assert.DoesNotContain("requirepass", config.File, StringComparison.Ordinal);
    }

    [Fact]
    public void AofModeTurnsOffRdbRulesAndOnAppendOnly()
    {
        var config = RedisConfigBuilder.Build(new RedisSpec { Persistence = new RedisPersistenceSpec { Mode = RedisPersistenceMode.Aof, AofFsync = AofFsync.Always } });

        Assert.Equal("", config.Live["save"]);
        Assert.Equal("yes", config.Live["appendonly"]);
        Assert.Equal("always", config.Live["appendfsync"]);
        Assert.Contains("save \"\"\n", config.File, StringComparison.Ordinal);
    }

    [Fact]
    public void NoPersistenceDisablesBoth()
    {
        var config = RedisConfigBuilder.Build(new RedisSpec { Persistence = new RedisPersistenceSpec { Mode = RedisPersistenceMode.None, RdbSaveRules = "900 1" } });

        Assert.Equal("", config.Live["save"]);
        Assert.Equal("no", config.Live["appendonly"]);
    }

    [Fact]
    public void SpecValuesAreRenderedInTheFormConfigGetAnswers()
    {
        var config = RedisConfigBuilder.Build(new RedisSpec
        {
            Persistence = new RedisPersistenceSpec { RdbSaveRules = "900 1 300 100" },
            MaxMemory = "100mb",
            MaxMemoryPolicy = MaxMemoryPolicy.AllKeysLru,
            Slowlog = new SlowlogSpec { ThresholdMicroseconds = 5000, MaxLen = 64 },
            Config = new Dictionary<string, string> { ["hz"] = "20", ["client-query-buffer-limit"] = "2gb" },
        });

        Assert.Empty(config.Errors);
        Assert.Equal("900 1 300 100", config.Live["save"]);
        Assert.Equal("104857600", config.Live["maxmemory"]);
        Assert.Equal("allkeys-lru", config.Live["maxmemory-policy"]);
        Assert.Equal("5000", config.Live["slowlog-log-slower-than"]);
        Assert.Equal("64", config.Live["slowlog-max-len"]);
        Assert.Equal("20", config.Live["hz"]);
        Assert.Equal("2147483648", config.Live["client-query-buffer-limit"]);
        Assert.Contains("maxmemory-policy allkeys-lru\n", config.File, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("requirepass", "x", "spec.redis.config.requirepass")]
    [InlineData("replicaof", "10.0.0.1 6379", "spec.redis.config.replicaof")]
    [InlineData("Max Clients", "10", "spec.redis.config.Max Clients")]
    [InlineData("hz", "10\nrequirepass x", "spec.redis.config.hz")]
    public void ForbiddenOrMalformedExtraDirectivesAreReportedByField(string key, string value, string field)
    {
        var config = RedisConfigBuilder.Build(new RedisSpec { Config = new Dictionary<string, string> { [key] = value } });

        Assert.Equal(field, Assert.Single(config.Errors).Field);
        Assert.False(config.Live.ContainsKey(key));
    }

    [Fact]
    public void BadMaxMemoryNamesTheField() =>
        Assert.Equal("spec.redis.maxMemory", Assert.Single(RedisConfigBuilder.Build(new RedisSpec { MaxMemory = "lots" }).Errors).Field);

    [Theory]
    [InlineData("1024", 1024L)]
    [InlineData("1k", 1000L)]
    [InlineData("1kb", 1024L)]
    [InlineData("2GB", 2147483648L)]
    [InlineData("3m", 3000000L)]
    public void MemorySizesFollowRedisUnits(string text, long bytes) => Assert.Equal(bytes, RedisMemorySize.ToBytes(text));
}
