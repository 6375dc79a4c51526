namespace BackendStack.Operator.ProxySQLs;

/// <summary>What the operator keeps about one ProxySQL between reconciles: an admin client per pod address, and the writer and backends last seen.</summary>
internal sealed class ProxySqlSession(string uid)
{
    private readonly Dictionary<string, ProxySqlAdminClient> clients = new(StringComparer.Ordinal);

    public string Uid { get; } = uid;

    /// <summary>The writer of the previous reconcile (WriterChanged compares with it); null until one was seen.</summary>
    public string? PreviousWriter { get; set; }

    /// <summary>The backends (pod, address) of the previous reconcile (BackendAdded/BackendRemoved compare with it); null at first.</summary>
    public IReadOnlySet<string>? PreviousBackends { get; set; }

    public ProxySqlAdminClient Client(string host, string password)
    {
        lock (clients)
        {
            // A new password (a recreated Secret) gets a new client; the key never holds the password itself.
            var key = $"{host}/{password.GetHashCode(StringComparison.Ordinal)}";
            if (!clients.TryGetValue(key, out var client))
            {
                client = new ProxySqlAdminClient(host, password);
                clients[key] = client;
            }

            return client;
        }
    }
}
