using BackendStack.Operator.PerconaClusters.Builders;

namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>
/// The statements that bring the application users to the spec, and nothing when they are there already: each
/// user's databases created when missing, the login created (marked with <see cref="ManagedRole"/>, so the
/// operator knows later which logins are its own) and granted ALL on its databases only; a grant on a database the
/// spec no longer lists revoked; a managed login the spec no longer lists dropped. A database is never dropped, and
/// a login the operator did not create is never touched. Passwords are bound parameters.
/// </summary>
internal static class UserPlanner
{
    public const string ManagedRole = "backendstack_app";

    public static IReadOnlyList<SqlStatement> Plan(IReadOnlyList<DesiredUser> desired, DatabaseUsers observed)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        var plan = new List<SqlStatement>();
        if (!observed.RoleExists && desired.Count > 0)
        {
            plan.Add(new SqlStatement($"CREATE ROLE IF NOT EXISTS {ManagedRole}", $"created role {ManagedRole}"));
        }

        foreach (var database in desired.SelectMany(u => u.Databases).Distinct(StringComparer.Ordinal).Where(d => !observed.Databases.Contains(d)))
        {
            plan.Add(new SqlStatement($"CREATE DATABASE IF NOT EXISTS {Quote(database)}", $"created database {database}"));
        }

        foreach (var user in desired)
        {
            if (!observed.Users.Contains(user.Name))
            {
                plan.Add(new SqlStatement($"CREATE USER {Account(user.Name)} IDENTIFIED BY @password", $"created user {user.Name}",
                    new Dictionary<string, string> { ["@password"] = user.Password }));
            }

            if (!observed.Managed.Contains(user.Name))
            {
                plan.Add(new SqlStatement($"GRANT {ManagedRole} TO {Account(user.Name)}", $"marked user {user.Name} as the operator's"));
            }

            foreach (var database in user.Databases.Where(d => !observed.Grants.Contains((user.Name, d))))
            {
                plan.Add(new SqlStatement($"GRANT ALL PRIVILEGES ON {Quote(database)}.* TO {Account(user.Name)}", $"granted {user.Name} ALL on {database}"));
            }
        }

        var wanted = desired.ToDictionary(u => u.Name, StringComparer.Ordinal);
        foreach (var (user, database) in observed.Grants.Where(g => observed.Managed.Contains(g.User)).OrderBy(g => g.User, StringComparer.Ordinal).ThenBy(g => g.Database, StringComparer.Ordinal))
        {
            if (wanted.TryGetValue(user, out var keep) && !keep.Databases.Contains(database, StringComparer.Ordinal))
            {
                plan.Add(new SqlStatement($"REVOKE ALL PRIVILEGES ON {Quote(database)}.* FROM {Account(user)}", $"revoked {user} on {database}"));
            }
        }

        foreach (var user in observed.Managed.Where(u => !wanted.ContainsKey(u) && !SystemUsers.IsReserved(u)).Order(StringComparer.Ordinal))
        {
            plan.Add(new SqlStatement($"DROP USER IF EXISTS {Account(user)}", $"dropped user {user} (its databases are kept)"));
        }

        return plan;
    }

    /// <summary>The system users' statements: each missing one created with its grants on *.*.</summary>
    public static IReadOnlyList<SqlStatement> PlanSystemUsers(IReadOnlyDictionary<string, string> passwords, IReadOnlySet<string> existing)
    {
        ArgumentNullException.ThrowIfNull(passwords);
        ArgumentNullException.ThrowIfNull(existing);
        var plan = new List<SqlStatement>();
        foreach (var (user, grants) in SystemUsers.DatabaseUsers.Where(u => !existing.Contains(u.Key) && passwords.ContainsKey(u.Key)))
        {
            plan.Add(new SqlStatement($"CREATE USER IF NOT EXISTS {Account(user)} IDENTIFIED BY @password", $"created system user {user}",
                new Dictionary<string, string> { ["@password"] = passwords[user] }));
            plan.Add(new SqlStatement($"GRANT {grants} ON *.* TO {Account(user)}{(SystemUsers.GrantsOthers(user) ? " WITH GRANT OPTION" : "")}", $"granted {user} {grants}"));
        }

        return plan;
    }

    /// <summary>A user name the schema restricts to [a-z0-9_]: quoting is for form, not for safety.</summary>
    private static string Account(string user) => $"'{user}'@'%'";

    private static string Quote(string database) => $"`{database.Replace("`", "``", StringComparison.Ordinal)}`";
}
