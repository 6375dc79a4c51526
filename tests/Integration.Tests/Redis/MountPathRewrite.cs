using System.Text.RegularExpressions;
using BackendStack.PodRuntime.Volumes;

namespace BackendStack.Tests.Redis;

/// <summary>
/// What stands in for a container's mount namespace when a pod's command runs straight on the host: every
/// mountPath named in a script, a config file or an argument becomes the host directory behind it
/// (<c>/data/redis.conf</c> becomes <c>&lt;pod dir&gt;/volumes/data/redis.conf</c>). A path only counts where it
/// starts a path (not inside another one, as <c>/srv/data</c>). Pure.
/// </summary>
internal static class MountPathRewrite
{
    public static string Apply(string text, IReadOnlyList<BindMount> mounts)
    {
        ArgumentNullException.ThrowIfNull(mounts);
        if (mounts.Count == 0)
        {
            return text;
        }

        var sources = mounts.ToDictionary(m => m.Target, m => m.Source, StringComparer.Ordinal);
        // Longest first, so /etc/redis wins over an /etc mount; one pass, so a replaced path is never replaced again.
        var targets = string.Join('|', sources.Keys.OrderByDescending(t => t.Length).Select(Regex.Escape));
        return Regex.Replace(text, $@"(?<![\w./-])({targets})(?=[/\s""';:)]|$)", m => sources[m.Value], RegexOptions.Multiline);
    }
}
