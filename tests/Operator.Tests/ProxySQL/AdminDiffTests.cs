using BackendStack.Operator.Api;
using BackendStack.Operator.ProxySQLs.Admin;
using BackendStack.Operator.ProxySQLs.Builders;

namespace BackendStack.Tests.ProxySQLPolicy;

public sealed class AdminDiffTests
{
    private static readonly BackendNode[] Nodes = [new("db-pxc-0", "127.0.1.10", false), new("db-pxc-1", "127.0.1.11", false), new("db-pxc-2", "127.0.1.12", false)];

    private static AdminConfig Desired(IEnumerable<BackendNode>? nodes = null, string password = "app-pass") =>
        AdminConfigBuilder.Build(new ProxySQLSpec(), nodes ?? Nodes, [("shop", password)], "monitor-pass", QueryRulesBuilder.Build(new ProxySQLSpec()));

    /// <summary>The runtime tables as ProxySQL shows them once the Galera monitor has spread the nodes and hashed the password.</summary>
    private static AdminConfig Runtime(AdminConfig desired) => desired with
    {
        Servers =
        [
            new ServerRow(ProxySqlHostgroups.Writer, "127.0.1.10", 3306, ServerRow.Online, "db-pxc-0"),
            new ServerRow(ProxySqlHostgroups.Reader, "127.0.1.10", 3306, ServerRow.Online, "db-pxc-0"),
            new ServerRow(ProxySqlHostgroups.BackupWriter, "127.0.1.11", 3306, ServerRow.Online, "db-pxc-1"),
            new ServerRow(ProxySqlHostgroups.Reader, "127.0.1.11", 3306, ServerRow.Online, "db-pxc-1"),
            new ServerRow(ProxySqlHostgroups.Offline, "127.0.1.12", 3306, ServerRow.Online, "db-pxc-2"),
        ],
        Users = [.. desired.Users.SelectMany(u => new[] { u with { Password = NativePassword.Hash(u.Password) }, u with { Password = NativePassword.Hash(u.Password) } })],
    };

    [Fact]
    public void RuntimeTablesThatMatchNeedNoWriteEvenWhenTheMonitorMovedNodesAndPasswordsAreHashed()
    {
        var desired = Desired();

        Assert.Empty(AdminDiff.Plan(desired, Runtime(desired)));
    }

    [Fact]
    public void AnEmptyPodGetsEveryModuleLoadedToRuntimeAndSaved()
    {
        var plan = AdminDiff.Plan(Desired(), AdminConfig.Empty);

        Assert.Equal(["MYSQL SERVERS", "MYSQL USERS", "MYSQL QUERY RULES", "MYSQL VARIABLES"], plan.Select(m => m.Module));
        Assert.All(plan, m => Assert.Equal([$"LOAD {m.Module} TO RUNTIME", $"SAVE {m.Module} TO DISK"], m.Statements.TakeLast(2)));
        var servers = plan[0].Statements;
        Assert.Equal(3, servers.Count(s => s.StartsWith("INSERT INTO mysql_servers", StringComparison.Ordinal) && s.Contains("(10, ", StringComparison.Ordinal)));
        Assert.Contains(servers, s => s.StartsWith("INSERT INTO mysql_galera_hostgroups", StringComparison.Ordinal) && s.EndsWith("VALUES (10, 20, 30, 9999, 1, 1, 1, 100)", StringComparison.Ordinal));
        Assert.Contains(plan[1].Statements, s => s.Contains("'shop', 'app-pass', 10, 1, 1", StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyTheModuleThatDiffersIsWrittenAndItsReasonHoldsNoPassword()
    {
        var desired = Desired(password: "new-pass");
        var runtime = Runtime(Desired(password: "old-pass"));

        var module = Assert.Single(AdminDiff.Plan(desired, runtime));

        Assert.Equal("MYSQL USERS", module.Module);
        Assert.DoesNotContain("pass", module.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ANewOrRemovedNodeRewritesTheServers()
    {
        var desired = Desired();

        var added = AdminDiff.Plan(Desired([.. Nodes, new("db-pxc-3", "127.0.1.13", false)]), Runtime(desired));
        var removed = AdminDiff.Plan(Desired(Nodes[..2]), Runtime(desired));

        Assert.Equal("MYSQL SERVERS: add 127.0.1.13:3306", Assert.Single(added).ToString());
        Assert.Equal("MYSQL SERVERS: remove 127.0.1.12:3306", Assert.Single(removed).ToString());
    }

    [Fact]
    public void ANodeTakenOutMustNotStayAnOnlineWriter()
    {
        var takeOut = Desired([new("db-pxc-0", "127.0.1.10", true), .. Nodes[1..]]);

        var module = Assert.Single(AdminDiff.Plan(takeOut, Runtime(Desired())));

        Assert.Equal("MYSQL SERVERS: take db-pxc-0 out of the writer hostgroup", module.ToString());
        Assert.Contains(module.Statements, s => s.Contains("'127.0.1.10', 3306, 'OFFLINE_SOFT', 'db-pxc-0'", StringComparison.Ordinal));
    }

    [Fact]
    public void ANodeTakenOutThatProxySqlAlreadyShunnedAsWriterIsWrittenOutToo()
    {
        var takeOut = Desired([new("db-pxc-0", "127.0.1.10", true), .. Nodes[1..]]);
        var runtime = Runtime(Desired());
        var shunned = runtime with { Servers = [.. runtime.Servers.Select(s => s.Hostgroup == ProxySqlHostgroups.Writer ? s with { Status = ServerRow.Shunned } : s)] };
        var alreadyOut = runtime with { Servers = [.. runtime.Servers.Select(s => s.Hostgroup == ProxySqlHostgroups.Writer ? s with { Status = ServerRow.OfflineSoft } : s)] };

        Assert.Equal("MYSQL SERVERS: take db-pxc-0 out of the writer hostgroup", Assert.Single(AdminDiff.Plan(takeOut, shunned)).ToString());
        Assert.Empty(AdminDiff.Plan(takeOut, alreadyOut));
    }

    [Fact]
    public void InvalidRulesLeaveTheRulesInForce()
    {
        var spec = new ProxySQLSpec { QueryRules = [new ProxySQLQueryRule { RuleId = 1000, MatchPattern = "([" }] };
        var desired = AdminConfigBuilder.Build(spec, Nodes, [], "monitor-pass", QueryRulesBuilder.Build(spec));
        var runtime = Runtime(Desired()) with { Users = [] };

        Assert.Empty(AdminDiff.Plan(desired, runtime));
    }

    [Fact]
    public void QuotesInValuesAreDoubled()
    {
        Assert.Equal("'it''s'", SqlText.Quote("it's"));
        Assert.Equal("NULL", SqlText.Quote(null));
    }
}
