using BackendStack.Operator.PerconaClusters.Policy;

namespace BackendStack.Tests.PerconaClusterPolicy;

public sealed class UserPlannerTests
{
    private static DatabaseUsers Observed(string[] users, string[] managed, (string, string)[] grants, string[] databases, bool role = true) =>
        new(users.ToHashSet(), managed.ToHashSet(), grants.ToHashSet(), databases.ToHashSet(), role);

    [Fact]
    public void ANewUserGetsItsDatabasesLoginMarkAndGrantsWithThePasswordBound()
    {
        var plan = UserPlanner.Plan([new DesiredUser("shop", ["shop", "shop_log"], "s3cret'")], Observed([], [], [], ["mysql"], role: false));
        Assert.Equal(
            ["CREATE ROLE IF NOT EXISTS backendstack_app", "CREATE DATABASE IF NOT EXISTS `shop`", "CREATE DATABASE IF NOT EXISTS `shop_log`",
             "CREATE USER 'shop'@'%' IDENTIFIED BY @password", "GRANT backendstack_app TO 'shop'@'%'",
             "GRANT ALL PRIVILEGES ON `shop`.* TO 'shop'@'%'", "GRANT ALL PRIVILEGES ON `shop_log`.* TO 'shop'@'%'"],
            plan.Select(s => s.Sql));
        Assert.Equal("s3cret'", plan.Single(s => s.Sql.StartsWith("CREATE USER", StringComparison.Ordinal)).Parameters!["@password"]);
        Assert.DoesNotContain(plan, s => s.Description.Contains("s3cret", StringComparison.Ordinal));
    }

    [Fact]
    public void NothingToDoWhenEverythingIsInPlace() =>
        Assert.Empty(UserPlanner.Plan([new DesiredUser("shop", ["shop"], "pw")], Observed(["shop", "root"], ["shop"], [("shop", "shop")], ["shop"])));

    [Fact]
    public void ARemovedUserIsDroppedButItsDatabaseKeptAndUnmanagedLoginsAreNeverTouched()
    {
        var plan = UserPlanner.Plan([], Observed(["old", "dba"], ["old"], [("old", "legacy"), ("dba", "legacy")], ["legacy"]));
        Assert.Equal(["DROP USER IF EXISTS 'old'@'%'"], plan.Select(s => s.Sql));
    }

    [Fact]
    public void ADatabaseLeftOutOfAUsersListIsRevoked() =>
        Assert.Equal(["REVOKE ALL PRIVILEGES ON `b`.* FROM 'shop'@'%'"],
            UserPlanner.Plan([new DesiredUser("shop", ["a"], "pw")], Observed(["shop"], ["shop"], [("shop", "a"), ("shop", "b")], ["a", "b"])).Select(s => s.Sql));

    [Fact]
    public void SystemUsersAreCreatedOnceWithTheirGrants()
    {
        var passwords = new Dictionary<string, string> { ["monitor"] = "m", ["operator"] = "o", ["backup"] = "b", ["root"] = "r", ["proxyadmin"] = "p" };
        var plan = UserPlanner.PlanSystemUsers(passwords, new HashSet<string> { "root", "monitor" });
        Assert.Equal(4, plan.Count);
        Assert.Contains(plan, s => s.Sql == "GRANT ALL PRIVILEGES ON *.* TO 'operator'@'%' WITH GRANT OPTION");
        Assert.DoesNotContain(plan, s => s.Sql.Contains("'monitor'", StringComparison.Ordinal));
        Assert.Empty(UserPlanner.PlanSystemUsers(passwords, new HashSet<string> { "monitor", "operator", "backup" }));
    }
}
