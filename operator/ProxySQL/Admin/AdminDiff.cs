using BackendStack.Operator.ProxySQLs.Builders;

namespace BackendStack.Operator.ProxySQLs.Admin;

/// <summary>
/// Compares a desired configuration with one pod's runtime tables and plans only the modules that differ; an empty
/// plan writes nothing. Servers compare by address (ProxySQL's Galera monitor moves them between hostgroups, which is
/// not a difference), except that a node the operator takes out must not be ONLINE (or SHUNNED) as a writer and a node it keeps must
/// not be held OFFLINE_SOFT. Users compare by name, password (clear or hashed), hostgroup and flags; query rules row by
/// row; variables by value.
/// </summary>
internal static class AdminDiff
{
    public static IReadOnlyList<AdminModule> Plan(AdminConfig desired, AdminConfig observed)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        var plan = new List<AdminModule>();
        if (ServersDiffer(desired, observed) is { } servers)
        {
            plan.Add(new AdminModule("MYSQL SERVERS", servers, AdminStatements.Servers(desired)));
        }

        if (UsersDiffer(desired.Users, observed.Users) is { } users)
        {
            plan.Add(new AdminModule("MYSQL USERS", users, AdminStatements.Users(desired.Users)));
        }

        if (desired.QueryRules is { } rules && !rules.SequenceEqual(observed.QueryRules ?? []))
        {
            plan.Add(new AdminModule("MYSQL QUERY RULES", $"{rules.Count} rules wanted, {observed.QueryRules?.Count ?? 0} differ or are in force", AdminStatements.QueryRules(rules)));
        }

        var variables = desired.Variables
            .Where(v => !observed.Variables.TryGetValue(v.Key, out var value) || !string.Equals(value, v.Value, StringComparison.Ordinal))
            .Select(v => v.Key)
            .ToList();
        if (variables.Count > 0)
        {
            plan.Add(new AdminModule("MYSQL VARIABLES", "set " + string.Join(", ", variables), AdminStatements.Variables(desired.Variables, variables)));
        }

        return plan;
    }

    private static string? ServersDiffer(AdminConfig desired, AdminConfig observed)
    {
        var want = desired.Servers.Select(s => s.Address).ToHashSet(StringComparer.Ordinal);
        var have = observed.Servers.Select(s => s.Address).ToHashSet(StringComparer.Ordinal);
        if (want.Except(have).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } added)
        {
            return "add " + string.Join(", ", added);
        }

        if (have.Except(want).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } removed)
        {
            return "remove " + string.Join(", ", removed);
        }

        foreach (var server in desired.Servers)
        {
            var rows = observed.Servers.Where(s => s.Address == server.Address).ToList();
            // A dead writer ProxySQL has already SHUNNED still holds the writer hostgroup until the next Galera check:
            // written OFFLINE_SOFT, it leaves it at the LOAD, and a live node takes the writes at once.
            if (server.Status == ServerRow.OfflineSoft && rows.Any(r => r.Hostgroup == ProxySqlHostgroups.Writer && r.Status is ServerRow.Online or ServerRow.Shunned))
            {
                return $"take {server.Comment} out of the writer hostgroup";
            }

            if (server.Status == ServerRow.Online && rows.All(r => r.Status == ServerRow.OfflineSoft))
            {
                return $"put {server.Comment} back online";
            }
        }

        return desired.GaleraHostgroups.SequenceEqual(observed.GaleraHostgroups) ? null : "galera hostgroups differ";
    }

    private static string? UsersDiffer(IReadOnlyList<UserRow> desired, IReadOnlyList<UserRow> observed)
    {
        var have = observed.GroupBy(u => u.Username, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var user in desired)
        {
            if (!have.TryGetValue(user.Username, out var rows))
            {
                return $"add {user.Username}";
            }

            if (rows.Any(r => !NativePassword.Matches(r.Password, user.Password) || r.DefaultHostgroup != user.DefaultHostgroup
                || r.TransactionPersistent != user.TransactionPersistent || r.Active != user.Active))
            {
                return $"update {user.Username}";
            }
        }

        var removed = have.Keys.Except(desired.Select(u => u.Username), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return removed.Count > 0 ? "remove " + string.Join(", ", removed) : null;
    }
}
