namespace BackendStack.Operator.PerconaClusters.Builders;

/// <summary>Names, ports and keys of a PerconaCluster's children, derived from the resource name.</summary>
internal sealed record PerconaClusterNames(string Name)
{
    public const int MysqlPort = 3306;
    public const int GaleraPort = 4567;
    public const int IstPort = 4568;
    public const int SstPort = 4444;

    /// <summary>Where the ConfigMap is mounted in each node: node.cnf and the operator's scripts.</summary>
    public const string ConfigDirectory = "/etc/mysql/backendstack";

    public const string DataDirectory = "/var/lib/mysql";

    /// <summary>ConfigMap keys.</summary>
    public const string NodeConfigKey = "node.cnf";
    public const string ProviderOptionsKey = "provider-options";
    public const string StartScriptKey = "start.sh";
    public const string ReadyScriptKey = "ready.sh";
    public const string PositionScriptKey = "seqno.sh";
    public const string BootstrapScriptKey = "bootstrap.sh";
    public const string SizeKey = "size";
    public const string BootstrapKey = "bootstrap";

    /// <summary>The value of <see cref="BootstrapKey"/> while no node holds data: ordinal 0 may start a new cluster.</summary>
    public const string NewCluster = "new-cluster";

    /// <summary>The value of <see cref="BootstrapKey"/> once the cluster has formed: every start joins the peers.</summary>
    public const string Join = "join";

    public string StatefulSet => $"{Name}-pxc";
    public string PeerService => $"{Name}-pxc";
    public string ClientService => Name;
    public string ConfigMap => $"{Name}-pxc-config";
    public string DisruptionBudget => $"{Name}-pxc";
    public string DefaultSecret => $"{Name}-secrets";

    public string Pod(int ordinal) => $"{StatefulSet}-{ordinal}";

    /// <summary>The claim of a node's datadir (volumeClaimTemplate <c>datadir</c>).</summary>
    public string Claim(int ordinal) => $"datadir-{Pod(ordinal)}";

    /// <summary>The Secret with the system users' passwords: spec.secretName, else <c>&lt;name&gt;-secrets</c>.</summary>
    public string Secret(Api.PerconaCluster resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Spec.SecretName ?? DefaultSecret;
    }

    /// <summary>The ordinal of one of this cluster's pods, or null for any other name.</summary>
    public int? OrdinalOf(string pod) =>
        pod.StartsWith(StatefulSet + "-", StringComparison.Ordinal)
        && int.TryParse(pod.AsSpan(StatefulSet.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ordinal)
            ? ordinal
            : null;
}
