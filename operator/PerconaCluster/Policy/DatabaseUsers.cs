namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>
/// What the cluster holds of its users (system tables only, a few rows each): logins at host '%', the logins the
/// operator manages (they hold the role <see cref="UserPlanner.ManagedRole"/>), database grants as (user, db), and
/// the databases that exist.
/// </summary>
internal sealed record DatabaseUsers(
    IReadOnlySet<string> Users,
    IReadOnlySet<string> Managed,
    IReadOnlySet<(string User, string Database)> Grants,
    IReadOnlySet<string> Databases,
    bool RoleExists);
