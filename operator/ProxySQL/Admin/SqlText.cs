using System.Globalization;

namespace BackendStack.Operator.ProxySQLs.Admin;

/// <summary>Literals for ProxySQL's admin interface, whose tables are SQLite: strings quoted with doubled single quotes.</summary>
internal static class SqlText
{
    public static string Quote(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Number(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "NULL";

    public static string Flag(bool value) => value ? "1" : "0";
}
