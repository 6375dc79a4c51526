using BackendStack.Operator.DataPlane.Galera;
using BackendStack.Operator.PerconaClusters.Builders;
using BackendStack.Operator.PerconaClusters.Policy;
using BackendStack.Operator.Runtime.Events;
using MySqlConnector;

namespace BackendStack.Operator.PerconaClusters;

/// <summary>
/// The users step of a reconcile, on a node Synced in the Primary component: the system users (as root, only while
/// the operator's own login does not work yet), then the application users as planned by <see cref="UserPlanner"/>.
/// Reads a few rows of the system tables; writes only what the plan holds, which is nothing when all is in place.
/// </summary>
internal sealed class PerconaClusterUsers(IEventRecorder events)
{
    /// <summary>How often the users are checked again when nothing changed (a user-named Secret's change shows within this).</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(30);

    public async Task<string?> RunAsync(
        Api.PerconaCluster resource, PerconaClusterSession session, GaleraNodeClient node, bool operatorMissing, IReadOnlyDictionary<string, string> passwords,
        IReadOnlyList<DesiredUser> desired, DateTimeOffset now, List<string> changes, CancellationToken cancellationToken)
    {
        var fingerprint = $"{resource.Metadata.Generation}|{string.Join(',', desired.Select(u => u.Name + ":" + string.Join('+', u.Databases)))}";
        if (!operatorMissing && session.UsersChecked is { } last && last.Fingerprint == fingerprint && now - last.At < RecheckInterval)
        {
            return null;
        }

        try
        {
            var root = new GaleraCredentials(SystemUsers.Root, passwords[SystemUsers.Root]);
            var login = new GaleraCredentials(SystemUsers.Operator, passwords[SystemUsers.Operator]);
            if (operatorMissing)
            {
                var existing = (await node.QueryAsync(root, "SELECT User FROM mysql.user WHERE Host = '%'", cancellationToken).ConfigureAwait(false))
                    .Select(r => r.First).ToHashSet(StringComparer.Ordinal);
                var system = UserPlanner.PlanSystemUsers(passwords, existing);
                var (done, error) = await GaleraExecutor.RunAsync(node, root, system, cancellationToken).ConfigureAwait(false);
                changes.AddRange(system.Take(done).Select(s => s.Description));
                if (error is not null)
                {
                    events.Warning(resource, "UsersFailed", error);
                    return error;
                }
            }

            var observed = await GaleraExecutor.ReadUsersAsync(node, login, cancellationToken).ConfigureAwait(false);
            var plan = UserPlanner.Plan(desired, observed);
            var (applied, failure) = await GaleraExecutor.RunAsync(node, login, plan, cancellationToken).ConfigureAwait(false);
            changes.AddRange(plan.Take(applied).Select(s => s.Description));
            if (applied > 0)
            {
                events.Normal(resource, "UsersUpdated", string.Join("; ", plan.Take(applied).Select(s => s.Description)));
            }

            if (failure is not null)
            {
                events.Warning(resource, "UsersFailed", failure);
                return failure;
            }

            session.UsersChecked = (fingerprint, now);
            return null;
        }
        catch (Exception e) when (e is MySqlException or TimeoutException or InvalidOperationException)
        {
            return e.Message;
        }
    }
}
