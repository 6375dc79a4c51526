using BackendStack.Operator.Api;
using BackendStack.Operator.ProxySQLs.Builders;
using k8s.Models;

namespace BackendStack.Tests.ProxySQLPolicy;

public sealed class ProxySqlBuildersTests
{
    private static ProxySQL Resource(Action<ProxySQLSpec>? spec = null)
    {
        var resource = new ProxySQL { Metadata = new V1ObjectMeta { Name = "proxy", NamespaceProperty = "shop", Uid = "u1" } };
        resource.Spec.ClusterRef = new LocalObjectReference { Name = "db" };
        spec?.Invoke(resource.Spec);
        return resource;
    }

    [Fact]
    public void StatefulSetRunsReplicasWithAdminReadinessAndPasswordsFromSecretsOnly()
    {
        var set = StatefulSetBuilder.Build(Resource(s => s.Replicas = 3), "db-secrets", "proxyadmin");

        Assert.Equal(3, set.Spec.Replicas);
        var container = Assert.Single(set.Spec.Template.Spec.Containers);
        Assert.Contains("-P6032", container.ReadinessProbe.Exec.Command[2], StringComparison.Ordinal);
        Assert.Equal(("db-secrets", "proxyadmin"), (container.Env[0].ValueFrom.SecretKeyRef.Name, container.Env[0].ValueFrom.SecretKeyRef.Key));
        Assert.Equal("proxy-proxysql-admin", container.Env[1].ValueFrom.SecretKeyRef.Name);
        Assert.All(container.Env, e => Assert.Null(e.Value));
    }

    [Fact]
    public void ClientServiceMapsTheMysqlPortToProxySqlsClientPort()
    {
        var service = ServiceBuilder.Client(Resource());

        Assert.Equal("proxy", service.Metadata.Name);
        var port = Assert.Single(service.Spec.Ports);
        Assert.Equal((3306, "6033"), (port.Port, port.TargetPort.Value));
        Assert.Equal("proxy.shop.svc:3306", new ProxySqlNames("proxy").Endpoint("shop"));
    }

    [Fact]
    public void ConfigHoldsNoPasswordAndTheFastGaleraCheckAndAChangeRollsThePods()
    {
        var config = ConfigMapBuilder.Config(Resource(s => s.MaxConnections = 500).Spec);

        Assert.Contains($"admin_credentials=\"{ConfigMapBuilder.CredentialsPlaceholder}\"", config, StringComparison.Ordinal);
        Assert.Contains("monitor_galera_healthcheck_interval=500", config, StringComparison.Ordinal);
        Assert.Contains("max_connections=500", config, StringComparison.Ordinal);
        Assert.DoesNotContain("monitor_password", config, StringComparison.Ordinal);
        var before = StatefulSetBuilder.Build(Resource(), "db-secrets", "proxyadmin").Spec.Template.Metadata.Annotations[StatefulSetBuilder.ConfigHashAnnotation];
        var after = StatefulSetBuilder.Build(Resource(s => s.MaxConnections = 500), "db-secrets", "proxyadmin").Spec.Template.Metadata.Annotations[StatefulSetBuilder.ConfigHashAnnotation];
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void MonitorPasswordIsWantedOnlyThroughTheAdminInterface()
    {
        var spec = new ProxySQLSpec();

        Assert.False(ProxySqlVariables.Tuned(spec).ContainsKey(ProxySqlVariables.MonitorPassword));
        Assert.Equal("secret", ProxySqlVariables.Desired(spec, "secret")[ProxySqlVariables.MonitorPassword]);
        Assert.Equal("500", ProxySqlVariables.Desired(spec, "secret")[ProxySqlVariables.GaleraInterval]);
    }
}
