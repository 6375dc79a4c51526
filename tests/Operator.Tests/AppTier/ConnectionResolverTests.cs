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
    public void AMissingClusterBehindTheProxySqlIsNamed()
    {
        var resolved = Resolve(WithDatabase(), proxy: Proxy(), percona: null);

        Assert.Equal("PerconaCluster pxc (the cluster of ProxySQL db) does not exist", resolved.NotReady);
    }

    [Fact]
    public void TheOnlyUserOfTheClusterIsUsedAndItsSecretGivesTheCredentials()
    {
        var resolved = Resolve(WithDatabase(), proxy: Proxy(), percona: Cluster(new PerconaClusterUser { Name = "shop_app", Databases = ["shop", "audit"] }));

        Assert.Null(resolved.NotReady);
        var env = resolved.Env.ToDictionary(e => e.Name);
        Assert.Equal("db-proxysql.shop.svc", env["DB_HOST"].Value);
        Assert.Equal("6033", env["DB_PORT"].Value);
        Assert.Equal("shop", env["DB_NAME"].Value);
        Assert.Null(env["DB_PASSWORD"].Value);
        Assert.Equal("pxc-user-shop-app", env["DB_PASSWORD"].ValueFrom.SecretKeyRef.Name);
        Assert.Equal("password", env["DB_PASSWORD"].ValueFrom.SecretKeyRef.Key);
        Assert.Equal("pxc-user-shop-app", env["DB_USER"].ValueFrom.SecretKeyRef.Name);
        Assert.Equal("username", env["DB_USER"].ValueFrom.SecretKeyRef.Key);
    }

    [Fact]
    public void ANamedUserIsPickedAndItsOwnSecretNameIsUsed()
    {
        var tier = WithDatabase();
        tier.Spec.Connections!.Database!.User = "reports";
        var cluster = Cluster(
            new PerconaClusterUser { Name = "shop", Databases = ["shop"] },
            new PerconaClusterUser { Name = "reports", Databases = ["analytics"], SecretName = "reports-login" });

        var env = Resolve(tier, proxy: Proxy(), percona: cluster).Env.ToDictionary(e => e.Name);

        Assert.Equal("analytics", env["DB_NAME"].Value);
        Assert.Equal("reports-login", env["DB_USER"].ValueFrom.SecretKeyRef.Name);
    }

    [Fact]
    public void AnUnknownUserOrNoNameAmongSeveralUsersNamesTheField()
    {
        var cluster = Cluster(new PerconaClusterUser { Name = "a", Databases = ["a"] }, new PerconaClusterUser { Name = "b", Databases = ["b"] });
        var named = WithDatabase();
        named.Spec.Connections!.Database!.User = "c";

        Assert.Equal("spec.connections.database.user: PerconaCluster pxc has 2 users in spec.users; name one",
            Resolve(WithDatabase(), proxy: Proxy(), percona: cluster).NotReady);
        Assert.Equal("spec.connections.database.user: c is not in PerconaCluster pxc spec.users",
            Resolve(named, proxy: Proxy(), percona: cluster).NotReady);
        Assert.Equal("spec.connections.database.user: PerconaCluster pxc has 0 users in spec.users; name one",
            Resolve(WithDatabase(), proxy: Proxy(), percona: Cluster()).NotReady);
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

    private static ProxySQL Proxy() => new()
    {
        Metadata = new V1ObjectMeta { Name = "db" },
        Spec = new ProxySQLSpec { ClusterRef = new LocalObjectReference { Name = "pxc" } },
        Status = new ProxySQLStatus { Endpoint = "db-proxysql.shop.svc:6033" },
    };

    private static PerconaCluster Cluster(params PerconaClusterUser[] users) =>
        new() { Metadata = new V1ObjectMeta { Name = "pxc" }, Spec = new PerconaClusterSpec { Users = users } };

    private static ResolvedConnections Resolve(
        AppTier tier, ProxySQL? proxy = null, PerconaCluster? percona = null, RedisFailover? redis = null, GlusterVolume? gluster = null) =>
        ConnectionResolver.Resolve(tier, n => proxy?.Metadata.Name == n ? proxy : null, n => percona?.Metadata.Name == n ? percona : null,
            n => redis?.Metadata.Name == n ? redis : null,
            n => gluster?.Metadata.Name == n ? gluster : null);
}
