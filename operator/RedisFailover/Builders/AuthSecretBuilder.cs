using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>
/// The auth Secret, built once with a password the caller generated. The operator creates it
/// only when absent and never rewrites it: changing the password of a running cluster would
/// lock out every client.
/// </summary>
internal static class AuthSecretBuilder
{
    public static V1Secret Build(Api.RedisFailover resource, string password)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var names = new RedisFailoverNames(resource.Metadata.Name);
        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = ChildMetadata.For(resource, names.AuthSecret(resource), RedisFailoverLabels.For(resource.Metadata.Name, RedisFailoverLabels.RedisComponent)),
            Type = "Opaque",
            Data = new Dictionary<string, byte[]> { [RedisFailoverNames.PasswordKey] = System.Text.Encoding.UTF8.GetBytes(password) },
        };
    }

    /// <summary>A random password of 32 hex characters (128 bits).</summary>
    public static string NewPassword() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
