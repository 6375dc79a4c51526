using System.Text;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.PerconaClusters.Builders;

/// <summary>
/// The Secrets with generated passwords: the system users' (one key per <see cref="SystemUsers.SecretKeys"/>) and an
/// application user's (<c>username</c>, <c>password</c>). Built once with passwords the caller generated; the
/// operator creates them only when absent and never rewrites them.
/// </summary>
internal static class UsersSecretBuilder
{
    public const string UsernameKey = "username";
    public const string PasswordKey = "password";

    public static V1Secret ForSystemUsers(Api.PerconaCluster resource, Func<string> newPassword)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(newPassword);
        var names = new PerconaClusterNames(resource.Metadata.Name);
        return Build(resource, names.Secret(resource), SystemUsers.SecretKeys.ToDictionary(k => k, _ => Encoding.UTF8.GetBytes(newPassword()), StringComparer.Ordinal));
    }

    public static V1Secret ForApplicationUser(Api.PerconaCluster resource, Api.PerconaClusterUser user, string password)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(user);
        return Build(resource, Api.PerconaClusterUserSecrets.NameOf(resource.Metadata.Name, user), new Dictionary<string, byte[]>
        {
            [UsernameKey] = Encoding.UTF8.GetBytes(user.Name),
            [PasswordKey] = Encoding.UTF8.GetBytes(password),
        });
    }

    /// <summary>A random password of 32 hex characters (128 bits): nothing a shell or a my.cnf would need to quote.</summary>
    public static string NewPassword() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private static V1Secret Build(Api.PerconaCluster resource, string name, IDictionary<string, byte[]> data) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = ChildMetadata.For(resource, name, PerconaClusterLabels.For(resource.Metadata.Name)),
        Type = "Opaque",
        Data = data,
    };
}
