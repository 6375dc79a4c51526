using BackendStack.Operator.Api;
using BackendStack.Operator.AppTiers.Builders;
using k8s.Models;

namespace BackendStack.Tests.AppTiers;

public sealed class ConnectionResolverTests
{
    [Fact]
    public void AMissingProxySqlIsNamed()
    {
        var resolved = Resolve(WithDatabase(), proxy: null);

        Assert.Equal("ProxySQL db does not exist", resolved.NotReady);
    }

    [Fact]
    public void AProxySqlWithoutEndpointIsNotReadyYet()
    {
        var resolved = Resolve(WithDatabase(), proxy: new ProxySQL { Metadata = new V1ObjectMeta { Name = "db" } });

        Assert.Equal("ProxySQL db has no endpoint yet", resolved.NotReady);
    }

    [Fact]
    public void TheDatabaseEndpointIsInjectedAndCredentialsComeFromTheSecret()
    {
        var proxy = new ProxySQL { Metadata = new V1ObjectMeta { Name = "db" }, Status = new ProxySQLStatus { Endpoint = "db-proxysql.shop.svc:6033" } };

        var resolved = Resolve(WithDatabase(), proxy: proxy);

        Assert.Null(resolved.NotReady);
        var env = resolved.Env.ToDictionary(e => e.Name);
        Assert.Equal("db-proxysql.shop.svc", env["DB_HOST"].Value);
        Assert.Equal("6033", env["DB_PORT"].Value);
        Assert.Null(env["DB_PASSWORD"].Value);
        Assert.Equal("db-app-credentials", env["DB_PASSWORD"].ValueFrom.SecretKeyRef.Name);
        Assert.Equal("password", env["DB_PASSWORD"].ValueFrom.SecretKeyRef.Key);
        Assert.Equal("username", env["DB_USER"].ValueFrom.SecretKeyRef.Key);
    }

    [Fact]
    public void RedisInjectsSentinelsMasterNameAndThePasswordSecret()
    {
        var tier = Tiers.Worker();
        tier.Spec.Connections = new ConnectionsSpec { Redis = new RedisConnectionSpec { RedisRef = new LocalObjectReference { Name = "cache" } } };
        var redis = new RedisFailover
        {
            Metadata = new V1ObjectMeta { Name = "cache" },
            Status = new RedisFailoverStatus { Endpoints = new RedisEndpoints { Sentinel = "cache-sentinel:26379", MasterName = "mymaster", Master = "cache-redis-master:6379" } },
        };

        Assert.Equal("RedisFailover cache does not exist", Resolve(tier, redis: null).NotReady);
        var env = Resolve(tier, redis: redis).Env.ToDictionary(e => e.Name);

        Assert.Equal("cache-sentinel:26379", env["REDIS_SENTINELS"].Value);
        Assert.Equal("mymaster", env["REDIS_MASTER_NAME"].Value);
        Assert.Equal("cache-redis-master:6379", env["REDIS_MASTER"].Value);
        Assert.Equal("cache-redis-auth", env["REDIS_PASSWORD"].ValueFrom.SecretKeyRef.Name);

        redis.Spec.Auth = new RedisAuthSpec { SecretName = "own-secret" };
        Assert.Equal("own-secret", Resolve(tier, redis: redis).Env.Single(e => e.Name == "REDIS_PASSWORD").ValueFrom.SecretKeyRef.Name);
    }

    [Fact]
    public void GlusterVolumesBecomeMountsOnceTheyHaveAVolume()
    {
        var tier = Tiers.Web();
        tier.Spec.Connections = new ConnectionsSpec
        {
            Volumes = [new VolumeConnectionSpec { GlusterVolumeRef = new LocalObjectReference { Name = "files" }, MountPath = "/srv/files" }],
        };
        var volume = new GlusterVolume { Metadata = new V1ObjectMeta { Name = "files" } };

        Assert.Equal("GlusterVolume files has no volume yet", Resolve(tier, gluster: volume).NotReady);
        volume.Status = new GlusterVolumeStatus { VolumeName = "shop-files", Mount = "gluster:/shop-files" };
        var resolved = Resolve(tier, gluster: volume);

        Assert.Equal("shop-files", Assert.Single(resolved.Volumes).Glusterfs.Path);
        Assert.Equal("/srv/files", Assert.Single(resolved.Mounts).MountPath);
    }

    [Theory]
    [InlineData("host:6033", "host", "6033")]
    [InlineData("10.0.0.1:1", "10.0.0.1", "1")]
    public void EndpointsSplitIntoHostAndPort(string endpoint, string host, string port) =>
        Assert.Equal((host, port), ConnectionResolver.SplitEndpoint(endpoint));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("host")]
    [InlineData("host:")]
    [InlineData(":6033")]
    public void MalformedEndpointsAreNotUsed(string? endpoint) => Assert.Null(ConnectionResolver.SplitEndpoint(endpoint));

    private static AppTier WithDatabase()
    {
        var tier = Tiers.Web();
        tier.Spec.Connections = new ConnectionsSpec { Database = new DatabaseConnectionSpec { ProxySQLRef = new LocalObjectReference { Name = "db" } } };
        return tier;
    }

    private static ResolvedConnections Resolve(AppTier tier, ProxySQL? proxy = null, RedisFailover? redis = null, GlusterVolume? gluster = null) =>
        ConnectionResolver.Resolve(tier, n => proxy?.Metadata.Name == n ? proxy : null, n => redis?.Metadata.Name == n ? redis : null,
            n => gluster?.Metadata.Name == n ? gluster : null);
}
