using System.Security.Cryptography;
using System.Text;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.ProxySQLs.Builders;

/// <summary>
/// The admin Secret <c>&lt;name&gt;-proxysql-admin</c>: the password of the operator's own admin login, built once with a
/// password the caller generated. The operator creates it only when absent and never rewrites it.
/// </summary>
internal static class AdminSecretBuilder
{
    public static V1Secret Build(Api.ProxySQL resource, string operatorPassword)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new ProxySqlNames(resource.Metadata.Name);
        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = ChildMetadata.For(resource, names.AdminSecret, ProxySqlLabels.For(resource.Metadata.Name)),
            Type = "Opaque",
            Data = new Dictionary<string, byte[]> { [ProxySqlNames.OperatorPasswordKey] = Encoding.UTF8.GetBytes(operatorPassword) },
        };
    }

    /// <summary>A random password of 32 hex characters (128 bits): nothing ProxySQL's credential list or a sed script would misread.</summary>
    public static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
