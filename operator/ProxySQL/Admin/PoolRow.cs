namespace BackendStack.Operator.ProxySQLs.Admin;

/// <summary>One row of a pod's <c>stats_mysql_connection_pool</c>: connection use of one backend in one hostgroup.</summary>
internal sealed record PoolRow(int Hostgroup, string Host, long ConnUsed, long ConnFree, long ConnErr, long Queries, long LatencyMicroseconds);
