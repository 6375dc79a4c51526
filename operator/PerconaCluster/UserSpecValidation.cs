using System.Text.RegularExpressions;
using BackendStack.Operator.PerconaClusters.Builders;

namespace BackendStack.Operator.PerconaClusters;

/// <summary>What the schema cannot check about spec.users: unique names and Secrets, no system user's name, database names MySQL accepts unquoted.</summary>
internal static partial class UserSpecValidation
{
    public static IReadOnlyList<SpecError> Check(Api.PerconaCluster resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var errors = new List<SpecError>();
        var users = resource.Spec.Users ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            if (!seen.Add(user.Name))
            {
                errors.Add(new SpecError($"spec.users[{i}].name", $"user {user.Name} is listed twice"));
            }

            if (SystemUsers.IsReserved(user.Name))
            {
                errors.Add(new SpecError($"spec.users[{i}].name", $"{user.Name} is a system user's name"));
            }

            if (!secrets.Add(Api.PerconaClusterUserSecrets.NameOf(resource.Metadata.Name, user)))
            {
                errors.Add(new SpecError($"spec.users[{i}].secretName", $"Secret {Api.PerconaClusterUserSecrets.NameOf(resource.Metadata.Name, user)} belongs to another user too"));
            }

            for (var d = 0; d < user.Databases.Count; d++)
            {
                if (!DatabaseName().IsMatch(user.Databases[d]))
                {
                    errors.Add(new SpecError($"spec.users[{i}].databases[{d}]", $"'{user.Databases[d]}' is not a database name (letters, digits, _ and $, at most 64)"));
                }
                else if (user.Databases[d] is "mysql" or "sys" or "information_schema" or "performance_schema")
                {
                    errors.Add(new SpecError($"spec.users[{i}].databases[{d}]", $"{user.Databases[d]} is a system database"));
                }
            }
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9_$]{1,64}$")]
    private static partial Regex DatabaseName();
}
