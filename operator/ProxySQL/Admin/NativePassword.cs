using System.Security.Cryptography;
using System.Text;

namespace BackendStack.Operator.ProxySQLs.Admin;

/// <summary>
/// Whether a password ProxySQL holds matches a clear-text one: ProxySQL keeps clear text in <c>mysql_users</c> but, with
/// <c>admin-hash_passwords</c> (the default), the <c>mysql_native_password</c> hash (<c>*</c> + SHA1(SHA1(p)) in hex) at runtime.
/// </summary>
internal static class NativePassword
{
    // SHA1 is what the mysql_native_password format is made of; it is compared, never used to protect anything.
#pragma warning disable CA5350
    public static string Hash(string password) =>
        "*" + Convert.ToHexString(SHA1.HashData(SHA1.HashData(Encoding.UTF8.GetBytes(password))));
#pragma warning restore CA5350

    public static bool Matches(string stored, string clear) =>
        string.Equals(stored, clear, StringComparison.Ordinal) || string.Equals(stored, Hash(clear), StringComparison.OrdinalIgnoreCase);
}
