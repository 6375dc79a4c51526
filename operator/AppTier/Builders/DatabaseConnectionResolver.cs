using BackendStack.Operator.Api;
using k8s.Models;

namespace BackendStack.Operator.AppTiers.Builders;

/// <summary>
/// Resolves a tier's database connection (a pure function of the looked-up objects): the ProxySQL's endpoint, the
/// PerconaCluster behind it, and the application user of that cluster the tier logs in as. Credentials are
/// referenced with secretKeyRef from the user's Secret, never read.
/// </summary>
internal static class DatabaseConnectionResolver
{
    /// <summary>The variables to inject, or why the connection cannot be made yet.</summary>
    public static (IReadOnlyList<V1EnvVar>? Env, string? NotReady) Resolve(
        DatabaseConnectionSpec database, Func<string, ProxySQL?> proxySql, Func<string, PerconaCluster?> percona)
    {
        var name = database.ProxySQLRef.Name;
        var proxy = proxySql(name);
        if (proxy is null)
        {
            return (null, $"ProxySQL {name} does not exist");
        }

        if (ConnectionResolver.SplitEndpoint(proxy.Status?.Endpoint) is not var (host, port))
        {
            return (null, $"ProxySQL {name} has no endpoint yet");
        }

        var clusterName = proxy.Spec.ClusterRef.Name;
        var cluster = percona(clusterName);
        if (cluster is null)
        {
            return (null, $"PerconaCluster {clusterName} (the cluster of ProxySQL {name}) does not exist");
        }

        var users = cluster.Spec.Users ?? [];
        var user = database.User is { } wanted ? users.FirstOrDefault(u => u.Name == wanted) : users.Count == 1 ? users[0] : null;
        if (user is null)
        {
            return (null, database.User is { } missing
                ? $"spec.connections.database.user: {missing} is not in PerconaCluster {clusterName} spec.users"
                : $"spec.connections.database.user: PerconaCluster {clusterName} has {users.Count} users in spec.users; name one");
        }

        var secret = PerconaClusterUserSecrets.NameOf(clusterName, user);
        return (
        [
            new V1EnvVar { Name = InjectedEnv.DatabaseHost, Value = host },
            new V1EnvVar { Name = InjectedEnv.DatabasePort, Value = port },
            new V1EnvVar { Name = InjectedEnv.DatabaseName, Value = user.Databases.FirstOrDefault() ?? "" },
            ConnectionResolver.FromSecret(InjectedEnv.DatabaseUser, secret, "username"),
            ConnectionResolver.FromSecret(InjectedEnv.DatabasePassword, secret, "password"),
        ], null);
    }
}
