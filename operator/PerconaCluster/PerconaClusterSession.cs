using BackendStack.Operator.DataPlane.Galera;

namespace BackendStack.Operator.PerconaClusters;

/// <summary>
/// What the operator keeps about one PerconaCluster between reconciles: a client per node address, the bootstrap
/// it started (so a second one never follows while the first is coming up), and the recovery to record until the
/// status holds it.
/// </summary>
internal sealed class PerconaClusterSession(string uid)
{
    /// <summary>How long a bootstrap the operator started blocks another, unless a Primary component shows first.</summary>
    public static readonly TimeSpan BootstrapGrace = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, GaleraNodeClient> clients = new(StringComparer.Ordinal);

    public string Uid { get; } = uid;

    /// <summary>The pod the operator last told to bootstrap, and when.</summary>
    public (string Pod, DateTimeOffset At)? PendingBootstrap { get; set; }

    /// <summary>The last recovery, kept until the status written shows it.</summary>
    public Api.GaleraRecoveryRecord? LastRecovery { get; set; }

    /// <summary>Pods that were Synced at the previous reconcile (NodeJoined and NodeLeft events compare with it).</summary>
    public IReadOnlySet<string>? PreviouslySynced { get; set; }

    /// <summary>When the users were last found as the spec (generation and users), so an unchanged spec is not re-read every reconcile.</summary>
    public (string Fingerprint, DateTimeOffset At)? UsersChecked { get; set; }

    /// <summary>Each pod's group member id (<c>wsrep_gcomm_uuid</c>) when it last answered: what to evict once its mariadbd is gone.</summary>
    public Dictionary<string, string> LastMembers { get; } = new(StringComparer.Ordinal);

    /// <summary>The member ids already evicted (once is enough: a restarted node joins with a new one).</summary>
    public HashSet<string> Evicted { get; } = new(StringComparer.Ordinal);

    public GaleraNodeClient Client(string host)
    {
        lock (clients)
        {
            if (!clients.TryGetValue(host, out var client))
            {
                client = new GaleraNodeClient(host, Builders.PerconaClusterNames.MysqlPort);
                clients[host] = client;
            }

            return client;
        }
    }
}
