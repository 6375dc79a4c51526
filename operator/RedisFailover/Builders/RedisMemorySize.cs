using System.Globalization;
using System.Text.RegularExpressions;

namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>Redis memory units as redis.conf reads them: k/m/g are powers of 1000, kb/mb/gb of 1024.</summary>
internal static partial class RedisMemorySize
{
    /// <summary>Bytes for "100mb", "2g", "1024"; null when the text is not a memory size.</summary>
    public static long? ToBytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Size().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var number = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        long factor = match.Groups[2].Value.ToLowerInvariant() switch
        {
            "" or "b" => 1,
            "k" => 1000,
            "kb" => 1024,
            "m" => 1000 * 1000,
            "mb" => 1024 * 1024,
            "g" => 1000L * 1000 * 1000,
            _ => 1024L * 1024 * 1024,
        };
        return number * factor;
    }

    [GeneratedRegex("^([0-9]+)(b|k|kb|m|mb|g|gb)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Size();
}
