using System.Runtime.InteropServices;

namespace BackendStack.PodRuntime.Images;

/// <summary>
/// The ProxySQL image: a ProxySQL binary found by <see cref="ProxySqlBinary"/>, linked into the shim
/// directory (bin/proxysql) when a container starts. The shim runs it as the image's entrypoint does
/// (foreground, datadir /var/lib/proxysql, a tmpfs unless a volume is mounted there) with the
/// container's config file (-c, else /etc/proxysql.cnf) rewritten so that the admin and MySQL
/// interfaces listen on the Pod's IP only, keeping their ports (6032 and 6033 unless configured).
/// </summary>
public static class ProxySqlImage
{
    /// <summary>The upstream image's ENTRYPOINT; container args follow it (e.g. -c /etc/proxysql.cnf).</summary>
    public static readonly IReadOnlyList<string> ImageEntrypoint = ["proxysql", "-f", "--idle-threads", "-D", "/var/lib/proxysql"];

    /// <summary>The shared libraries the binary needs that a minimal Debian may lack (from <see cref="LocalImage.DebianPackages"/>).</summary>
    private static readonly string[] Libraries = ["libcurl.so.4", "libssl.so.3", "libgnutls.so.30", "libcivetweb.so.1", "libcivetweb-cpp.so.1", "libuuid.so.1"];

    public static LocalImage Create(ProxySqlBinary? binary = null) => new(
        Name: "proxysql",
        Repositories: ["proxysql", "proxysql-ubuntu", "proxysql-debian"],
        DebianPackages: ["libcurl4", "libssl3", "libgnutls30", "libcivetweb1", "libuuid1", "libstdc++6", "xz-utils", "mariadb-client"],
        RequiredFiles: [.. Libraries.Select(l => $"/usr/lib/{Multiarch}/{l}")],
        Entrypoint: args => [.. ImageEntrypoint, .. args],
        Shims: new Dictionary<string, string>
        {
            ["proxysql"] = ProxySqlShim.Script,
            // In a real Pod a probe reaches ProxySQL on the Pod's own loopback; here that is the Pod IP.
            ["mysql"] = ProxySqlShim.Client,
            ["mariadb"] = ProxySqlShim.Client,
        })
    {
        Prepare = shims => Link((binary ?? ProxySqlBinary.FromEnvironment()).Locate(), Path.Combine(shims, "bin", "proxysql")),
    };

    private static string Multiarch => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";

    /// <summary>Points <paramref name="link"/> at <paramref name="target"/>, replacing any older link in one rename.</summary>
    private static void Link(string target, string link)
    {
        var directory = Directory.CreateDirectory(Path.GetDirectoryName(link)!).FullName;
        if (new FileInfo(link).LinkTarget == target)
        {
            return;
        }

        var temporary = Path.Combine(directory, $".proxysql.{Guid.NewGuid():N}");
        File.CreateSymbolicLink(temporary, target);
        File.Move(temporary, link, overwrite: true);
    }
}
