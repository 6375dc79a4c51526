using System.Text.RegularExpressions;
using BackendStack.Emulator.Api;

namespace BackendStack.Emulator.Semantics;

/// <summary>Object names: generateName suffixes and the RFC 1123 rules kube-apiserver enforces.</summary>
internal static partial class ObjectNames
{
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Generate(string prefix)
    {
        if (prefix.Length > 58) prefix = prefix[..58];
        return prefix + new string([.. Enumerable.Range(0, 5).Select(_ => SuffixAlphabet[Random.Shared.Next(SuffixAlphabet.Length)])]);
    }

    public static FieldError? Check(string name)
    {
        if (name.Length <= 253 && Subdomain().IsMatch(name)) return null;
        return FieldError.Invalid("metadata.name", $"\"{name}\"",
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
