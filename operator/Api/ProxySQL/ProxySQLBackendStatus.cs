using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>One row of ProxySQL's <c>runtime_mysql_servers</c>.</summary>
public sealed class ProxySQLBackendStatus
{
    /// <summary>Host of the database node.</summary>
    [JsonPropertyName("host")]
    public string? Host { get; set; }

    /// <summary>Hostgroup the node is in (writer, backup writer, reader or offline).</summary>
    [JsonPropertyName("hostgroup")]
    public int? Hostgroup { get; set; }

    /// <summary>ProxySQL's status of the node: <c>ONLINE</c>, <c>SHUNNED</c>, <c>OFFLINE_SOFT</c> or <c>OFFLINE_HARD</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }
}
