namespace BackendStack.Operator.ProxySQLs.Admin;

/// <summary>One row of <c>mysql_galera_hostgroups</c>.</summary>
internal sealed record GaleraHostgroupsRow(
    int WriterHostgroup, int BackupWriterHostgroup, int ReaderHostgroup, int OfflineHostgroup, bool Active, int MaxWriters, int WriterIsAlsoReader, int MaxTransactionsBehind);
