using System.Text;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.ProxySQLs.Builders;

/// <summary>
/// The ConfigMap <c>&lt;name&gt;-proxysql-config</c>: proxysql.cnf (interfaces, threads, the tuned variables; no password)
/// and start.sh, which writes the admin credentials from the pod's environment (Secrets) into a copy of the file in the
/// datadir and starts ProxySQL in the foreground with it.
/// </summary>
internal static class ConfigMapBuilder
{
    public const string CredentialsPlaceholder = "@ADMIN_CREDENTIALS@";

    public static readonly string StartScript = $$"""
        #!/bin/sh
        set -eu
        umask 077
        sed "s/{{CredentialsPlaceholder}}/admin:${ADMIN_PASSWORD};{{ProxySqlNames.OperatorUser}}:${OPERATOR_PASSWORD}/" \
          {{ProxySqlNames.ConfigDirectory}}/{{ProxySqlNames.ConfigKey}} > {{ProxySqlNames.DataDirectory}}/{{ProxySqlNames.ConfigKey}}
        exec proxysql -f --idle-threads -D {{ProxySqlNames.DataDirectory}} -c {{ProxySqlNames.DataDirectory}}/{{ProxySqlNames.ConfigKey}}
        """;

    public static V1ConfigMap Build(Api.ProxySQL resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new ProxySqlNames(resource.Metadata.Name);
        return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = ChildMetadata.For(resource, names.ConfigMap, ProxySqlLabels.For(resource.Metadata.Name)),
            Data = new Dictionary<string, string>
            {
                [ProxySqlNames.ConfigKey] = Config(resource.Spec),
                [ProxySqlNames.StartScriptKey] = StartScript,
            },
        };
    }

    /// <summary>proxysql.cnf: what ProxySQL reads at its first start; the admin interface keeps the rest as the spec says.</summary>
    public static string Config(Api.ProxySQLSpec spec)
    {
        var text = new StringBuilder();
        text.Append("datadir=\"").Append(ProxySqlNames.DataDirectory).Append("\"\n");
        text.Append("admin_variables=\n{\n");
        text.Append("    admin_credentials=\"").Append(CredentialsPlaceholder).Append("\"\n");
        text.Append("    mysql_ifaces=\"0.0.0.0:").Append(ProxySqlNames.AdminPort).Append("\"\n");
        text.Append("}\n");
        text.Append("mysql_variables=\n{\n");
        text.Append("    threads=2\n");
        text.Append("    interfaces=\"0.0.0.0:").Append(ProxySqlNames.MysqlPort).Append("\"\n");
        foreach (var (name, value) in ProxySqlVariables.Tuned(spec))
        {
            var key = name["mysql-".Length..];
            text.Append("    ").Append(key).Append('=').Append(int.TryParse(value, out _) ? value : $"\"{value}\"").Append('\n');
        }

        text.Append("}\n");
        return text.ToString();
    }
}
