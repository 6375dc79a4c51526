namespace BackendStack.Operator.ProxySQLs.Admin;

/// <summary>
/// One node of the PerconaCluster as ProxySQL should see it: its pod, the address ProxySQL connects to, and whether the
/// operator takes it out of the writer hostgroup at once because the cluster's status shows it not Synced.
/// </summary>
internal sealed record BackendNode(string Pod, string Host, bool TakeOut);
