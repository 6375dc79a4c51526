namespace BackendStack.Operator.ProxySQLs.Admin;

/// <summary>One user of <c>mysql_users</c>. The password is clear text when desired; runtime tables may hold its hash.</summary>
internal sealed record UserRow(string Username, string Password, int DefaultHostgroup, bool TransactionPersistent, bool Active)
{
    // The password never reaches a log line through the record's generated ToString.
    public override string ToString() => $"{Username} (hostgroup {DefaultHostgroup})";
}
