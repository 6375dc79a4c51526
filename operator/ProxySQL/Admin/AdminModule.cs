namespace BackendStack.Operator.ProxySQLs.Admin;

/// <summary>
/// The statements that bring one ProxySQL module (e.g. <c>MYSQL SERVERS</c>) to the desired state, ending with
/// <c>LOAD ... TO RUNTIME</c> and <c>SAVE ... TO DISK</c>. <see cref="Statements"/> may hold passwords: never log them;
/// <see cref="Reason"/> says what differs without any secret.
/// </summary>
internal sealed record AdminModule(string Module, string Reason, IReadOnlyList<string> Statements)
{
    public override string ToString() => $"{Module}: {Reason}";
}
