namespace BackendStack.Operator.Api;

/// <summary>Where an application user's credentials live: keys <c>username</c> and <c>password</c>.</summary>
public static class PerconaClusterUserSecrets
{
    /// <summary>The user's own <c>secretName</c>, else <c>&lt;cluster&gt;-user-&lt;name&gt;</c> with underscores as dashes (a Secret's name allows no underscore).</summary>
    public static string NameOf(string cluster, PerconaClusterUser user) =>
        user.SecretName ?? $"{cluster}-user-{user.Name.Replace('_', '-')}";
}
