using BackendStack.Operator.Api;
using BackendStack.Operator.ProxySQLs.Admin;
using BackendStack.Operator.ProxySQLs.Builders;
using BackendStack.Operator.ProxySQLs.Status;
using k8s.Models;

namespace BackendStack.Tests.ProxySQLPolicy;

public sealed class ProxySqlStatusCalculatorTests
{
    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly ProxySqlPodState[] Configured = [new("proxy-proxysql-0", true, true, null), new("proxy-proxysql-1", true, true, null)];

    private static ProxySQL Resource() => new() { Metadata = new V1ObjectMeta { Name = "proxy", NamespaceProperty = "shop", Generation = 2 } };

    private static ServerRow Row(int hostgroup, string pod, string status = ServerRow.Online) => new(hostgroup, "127.0.1.1" + pod[^1], 3306, status, pod);

    private static V1Condition Condition(ProxySQLStatus status, string type) => status.Conditions!.Single(c => c.Type == type);

    [Fact]
    public void EveryPodConfiguredWithAnOnlineWriterIsReadyAndNamesTheWriterAndEndpoint()
    {
        ServerRow[] servers = [Row(10, "db-pxc-1"), Row(30, "db-pxc-0"), Row(30, "db-pxc-1"), Row(20, "db-pxc-0")];

        var status = ProxySqlStatusCalculator.Compute(new ProxySqlStatusInput(Resource(), [], null, Configured, servers, Now));

        Assert.Equal(Phase.Ready, status.Phase);
        Assert.Equal("db-pxc-1", status.Writer);
        Assert.Equal("proxy.shop.svc:3306", status.Endpoint);
        Assert.Equal(4, status.Backends!.Count);
        Assert.Equal(("True", "False", "False"), (Condition(status, "Ready").Status, Condition(status, "Progressing").Status, Condition(status, "Degraded").Status));
    }

    [Fact]
    public void NoOnlineWriterIsDegradedAndSaysWhereEachNodeIs()
    {
        ServerRow[] servers = [Row(9999, "db-pxc-0"), Row(10, "db-pxc-1", "SHUNNED")];

        var status = ProxySqlStatusCalculator.Compute(new ProxySqlStatusInput(Resource(), [], null, Configured, servers, Now));

        Assert.Null(status.Writer);
        var degraded = Condition(status, "Degraded");
        Assert.Equal(("True", "NoWriter"), (degraded.Status, degraded.Reason));
        Assert.Equal("no writer: db-pxc-0 ONLINE in 9999, db-pxc-1 SHUNNED in 10", degraded.Message);
    }

    [Fact]
    public void AnInvalidRuleIsReportedAsInvalidSpecNamingItsIndex()
    {
        var spec = new ProxySQLSpec { QueryRules = [new ProxySQLQueryRule { RuleId = 1000, MatchPattern = "^SELECT" }, new ProxySQLQueryRule { RuleId = 1001, MatchPattern = "([" }] };
        var errors = QueryRulesBuilder.Build(spec).Errors;

        var status = ProxySqlStatusCalculator.Compute(new ProxySqlStatusInput(Resource(), errors, null, Configured, [Row(10, "db-pxc-0")], Now));

        var degraded = Condition(status, "Degraded");
        Assert.Equal(("True", ConditionReasons.InvalidSpec), (degraded.Status, degraded.Reason));
        Assert.Contains("spec.queryRules[1].matchPattern", degraded.Message, StringComparison.Ordinal);
        Assert.Equal("False", Condition(status, "Ready").Status);
    }

    [Fact]
    public void APodNotYetConfiguredKeepsItProgressing()
    {
        ProxySqlPodState[] pods = [Configured[0], new("proxy-proxysql-1", false, false, "admin interface: Connect Timeout expired")];

        var status = ProxySqlStatusCalculator.Compute(new ProxySqlStatusInput(Resource(), [], null, pods, [Row(10, "db-pxc-0")], Now));

        Assert.Equal(Phase.Provisioning, status.Phase);
        var progressing = Condition(status, "Progressing");
        Assert.Equal("True", progressing.Status);
        Assert.Equal("proxy-proxysql-1 is not ready", progressing.Message);
    }

    [Fact]
    public void MoreWritersThanMaxWritersRightAfterALoadIsNotReadyYet()
    {
        ServerRow[] servers = [Row(10, "db-pxc-0"), Row(10, "db-pxc-1"), Row(10, "db-pxc-2")];

        var status = ProxySqlStatusCalculator.Compute(new ProxySqlStatusInput(Resource(), [], null, Configured, servers, Now));

        Assert.Equal("False", Condition(status, "Ready").Status);
        Assert.Equal("ProxySQL's Galera monitor has yet to choose 1 of 3 writers", Condition(status, "Progressing").Message);
    }
}
