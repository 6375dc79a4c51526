using BackendStack.Operator.Api;
using BackendStack.Operator.PerconaClusters.Builders;
using static BackendStack.Tests.PerconaClusterPolicy.PerconaClusterFixtures;

namespace BackendStack.Tests.PerconaClusterPolicy;

public sealed class PerconaClusterBuilderTests
{
    [Fact]
    public void NodeConfigHasGaleraEssentialsThenTheFragmentWithPerconaOnlyOptionsLoose()
    {
        var (config, errors) = NodeConfigBuilder.Build(Cluster(mysqlConfig: "max_connections = 500\npxc_strict_mode = PERMISSIVE\n# note\nwsrep_provider_options = \"evs.suspect_timeout=PT2S; gcache.size=256M\""));
        Assert.Empty(errors);
        var text = config.Text;
        Assert.Equal("evs.suspect_timeout=PT2S;gcache.size=256M", config.ProviderOptions);
        Assert.DoesNotContain("wsrep_provider_options", text, StringComparison.Ordinal);
        Assert.Contains("binlog_format = ROW\n", text, StringComparison.Ordinal);
        Assert.Contains("innodb_autoinc_lock_mode = 2\n", text, StringComparison.Ordinal);
        Assert.Contains("wsrep_cluster_name = db\n", text, StringComparison.Ordinal);
        Assert.Contains("\nloose-pxc_strict_mode = PERMISSIVE\n", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("max_connections = 500", StringComparison.Ordinal) > text.IndexOf("wsrep_cluster_name", StringComparison.Ordinal));
    }

    [Fact]
    public void AFragmentThatBreaksGaleraIsRefusedNamingTheFieldAndLine()
    {
        var (_, errors) = NodeConfigBuilder.Build(Cluster(mysqlConfig: "binlog_format = STATEMENT\n[client]\nwsrep_cluster_address = gcomm://x\nwsrep_provider_options = pc.recovery=TRUE"));
        Assert.Equal(4, errors.Count);
        Assert.Contains("line 4: wsrep_provider_options may not set pc.recovery", errors[3].Message, StringComparison.Ordinal);
        Assert.All(errors, e => Assert.Equal("spec.mysqlConfig", e.Field));
        Assert.Contains("line 1: binlog_format must be ROW", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("line 2", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("set by the operator", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatefulSetStartsInParallelUpdatesOnDeleteAndProbesGaleraState()
    {
        var set = StatefulSetBuilder.Build(Cluster(), new NodeConfig("cnf", ""), 1);
        Assert.Equal(("db-pxc", "db-pxc", "Parallel", "OnDelete", 1), (set.Metadata.Name, set.Spec.ServiceName, set.Spec.PodManagementPolicy, set.Spec.UpdateStrategy.Type, set.Spec.Replicas));
        var container = set.Spec.Template.Spec.Containers.Single();
        Assert.Equal(["sh", "/etc/mysql/backendstack/start.sh"], container.Command);
        Assert.Equal(["sh", "/etc/mysql/backendstack/ready.sh"], container.ReadinessProbe.Exec.Command);
        Assert.Equal("db-secrets", container.Env.Single(e => e.Name == "MYSQL_ROOT_PASSWORD").ValueFrom.SecretKeyRef.Name);
        Assert.Equal("bootstrap", container.Env.Single(e => e.Name == "BOOTSTRAP").ValueFrom.ConfigMapKeyRef.Key);
        Assert.Equal("backendstack-operator", set.Metadata.Labels["app.kubernetes.io/managed-by"]);
    }

    [Fact]
    public void AConfigChangeChangesTheTemplateHashButSizeAndBootstrapDoNot()
    {
        var hash = (string cnf) => StatefulSetBuilder.Build(Cluster(), new NodeConfig(cnf, ""), 3).Spec.Template.Metadata.Annotations[StatefulSetBuilder.ConfigHashAnnotation];
        Assert.NotEqual(hash("a"), hash("b"));
        var before = ConfigMapBuilder.Build(Cluster(), new NodeConfig("a", ""), 3, newCluster: true);
        var after = ConfigMapBuilder.Build(Cluster(), new NodeConfig("a", ""), 5, newCluster: false);
        Assert.Equal(("3", "new-cluster"), (before.Data["size"], before.Data["bootstrap"]));
        Assert.Equal(("5", "join"), (after.Data["size"], after.Data["bootstrap"]));
        Assert.Equal(hash("a"), hash("a"));
        Assert.NotEqual(StatefulSetBuilder.Build(Cluster(), new NodeConfig("a", ""), 3).Spec.Template.Metadata.Annotations[StatefulSetBuilder.ConfigHashAnnotation],
            StatefulSetBuilder.Build(Cluster(), new NodeConfig("a", "evs.suspect_timeout=PT2S"), 3).Spec.Template.Metadata.Annotations[StatefulSetBuilder.ConfigHashAnnotation]);
    }

    [Fact]
    public void PeerServicePublishesNotReadyAddressesAndTheClientServiceDoesNot()
    {
        var peers = ServiceBuilder.Peers(Cluster());
        Assert.Equal(("db-pxc", "None", true), (peers.Metadata.Name, peers.Spec.ClusterIP, peers.Spec.PublishNotReadyAddresses));
        var client = ServiceBuilder.Client(Cluster());
        Assert.Equal("db", client.Metadata.Name);
        Assert.Null(client.Spec.PublishNotReadyAddresses);
        Assert.Equal(3306, client.Spec.Ports.Single().Port);
        Assert.Equal(1, DisruptionBudgetBuilder.Build(Cluster()).Spec.MaxUnavailable.Value is var v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : 0);
    }

    [Fact]
    public void SecretsHoldEveryKeyWithDistinctGeneratedPasswords()
    {
        var system = UsersSecretBuilder.ForSystemUsers(Cluster(), UsersSecretBuilder.NewPassword);
        Assert.Equal(["root", "monitor", "operator", "proxyadmin", "backup"], system.Data.Keys);
        Assert.Equal(5, system.Data.Values.Select(Convert.ToBase64String).Distinct().Count());
        var user = UsersSecretBuilder.ForApplicationUser(Cluster(), new PerconaClusterUser { Name = "shop_app", Databases = ["shop"] }, "pw");
        Assert.Equal("db-user-shop-app", user.Metadata.Name);
        Assert.Equal("shop_app", System.Text.Encoding.UTF8.GetString(user.Data["username"]));
    }
}
