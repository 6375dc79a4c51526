using System.Diagnostics;
using System.Security.Cryptography;

namespace BackendStack.PodRuntime.Images;

/// <summary>
/// Where the ProxySQL binary comes from (there is no Debian package of it): the path named by
/// <see cref="Binary"/> (option or <see cref="BinaryVariable"/>), else the installed
/// <see cref="InstalledPath"/> (ProxySQL's own Debian package), else the newest
/// <c>proxysql-*.tar.xz</c> in <see cref="TarballDirectory"/>, unpacked once per tarball into
/// <see cref="CacheDirectory"/>/&lt;sha256 prefix&gt;/proxysql. Unpacking goes to a temporary
/// directory renamed into place, so concurrent starts (and processes) never see half a binary.
/// </summary>
public sealed record ProxySqlBinary(string? Binary, string? TarballDirectory, string CacheDirectory, string InstalledPath = "/usr/bin/proxysql")
{
    public const string BinaryVariable = "BACKENDSTACK_PROXYSQL_BINARY";

    public const string TarballDirectoryVariable = "BACKENDSTACK_PROXYSQL_TARBALLS";

    public const string MissingReason = "ProxySqlBinaryMissing";

    /// <summary>The environment's choices; the tarballs default to ../shared/bin/proxysql beside the repository.</summary>
    public static ProxySqlBinary FromEnvironment() => new(
        Environment.GetEnvironmentVariable(BinaryVariable),
        Environment.GetEnvironmentVariable(TarballDirectoryVariable) is { Length: > 0 } tarballs ? tarballs : DefaultTarballDirectory(),
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "backendstack", "proxysql"));

    /// <summary>How to provide a binary, for messages of whoever finds none.</summary>
    public string HowToProvide =>
        $"set {BinaryVariable} to a ProxySQL 2.7 binary, install ProxySQL's own Debian package (https://repo.proxysql.com, it provides {InstalledPath})"
        + $" or put a proxysql-*.tar.xz holding it in {TarballDirectory ?? $"the directory named by {TarballDirectoryVariable}"}";

    /// <summary>Why no binary can be located (without unpacking anything), or null when <see cref="Locate"/> will find one.</summary>
    public string? MissingBecause()
    {
        if (!string.IsNullOrEmpty(Binary))
        {
            return File.Exists(Binary) ? null : $"the ProxySQL binary {Binary} ({BinaryVariable}) does not exist; {HowToProvide}";
        }

        var tarballs = TarballDirectory is not null && Directory.Exists(TarballDirectory) && Directory.GetFiles(TarballDirectory, "proxysql-*.tar.xz").Length > 0;
        return File.Exists(InstalledPath) || tarballs ? null : $"no ProxySQL binary on this host: {HowToProvide}";
    }

    /// <summary>The binary to run, unpacked first when it comes from a tarball; throws <see cref="NoLocalEquivalentException"/> when there is none.</summary>
    public string Locate()
    {
        if (!string.IsNullOrEmpty(Binary))
        {
            return File.Exists(Binary) ? Path.GetFullPath(Binary)
                : throw new NoLocalEquivalentException(MissingReason, $"the ProxySQL binary {Binary} ({BinaryVariable}) does not exist; {HowToProvide}");
        }

        if (File.Exists(InstalledPath))
        {
            return InstalledPath;
        }

        var tarball = TarballDirectory is not null && Directory.Exists(TarballDirectory)
            ? Directory.GetFiles(TarballDirectory, "proxysql-*.tar.xz").Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        return tarball is null
            ? throw new NoLocalEquivalentException(MissingReason, $"no ProxySQL binary on this host: {HowToProvide}")
            : Unpack(tarball);
    }

    private string Unpack(string tarball)
    {
        string sha;
        using (var stream = File.OpenRead(tarball))
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
        }

        var directory = Path.Combine(CacheDirectory, sha);
        var binary = Path.Combine(directory, "proxysql");
        if (File.Exists(binary))
        {
            return binary;
        }

        var temporary = Directory.CreateDirectory(Path.Combine(CacheDirectory, $".{sha}.{Environment.ProcessId}.{Guid.NewGuid():N}")).FullName;
        try
        {
            var start = new ProcessStartInfo("tar", ["-xJf", tarball, "-C", temporary, "proxysql"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using (var tar = Process.Start(start)!)
            {
                var errors = tar.StandardError.ReadToEnd();
                tar.WaitForExit();
                if (tar.ExitCode != 0 || !File.Exists(Path.Combine(temporary, "proxysql")))
                {
                    throw new NoLocalEquivalentException("ProxySqlUnpackFailed", $"cannot unpack {tarball} (tar exited {tar.ExitCode}: {errors.Trim()}; it needs xz-utils); {HowToProvide}");
                }
            }

            try
            {
                Directory.Move(temporary, directory);
            }
            catch (IOException) when (File.Exists(binary))
            {
                // Another start unpacked the same tarball first.
            }

            return binary;
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    /// <summary>../shared/bin/proxysql beside the checkout: the nearest directory holding Operator.sln, as the sandbox finds it.</summary>
    private static string? DefaultTarballDirectory()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Operator.sln")))
                {
                    return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "bin", "proxysql"));
                }
            }
        }

        return null;
    }
}
