using BackendStack.PodRuntime;
using BackendStack.PodRuntime.Images;
using static BackendStack.PodRuntime.Processes.StartScript;

namespace BackendStack.Tests.Redis;

/// <summary>
/// The commands a pod's script finds first on its PATH when it runs straight on the host. The image's own shims are the
/// local pod runtime's (<see cref="LocalImage.Shims"/>: redis-server and redis-sentinel bound to the Pod's address,
/// redis-cli aimed at it), written where the runtime writes them. In front of those, a redis-cli that resolves the host
/// after <c>-h</c> through the hosts file the runtime would bind over the container's /etc/hosts (Service names to the
/// addresses of their ready Pods, as <see cref="PodRuntime.Hosts.HostsFile"/> builds it), the first address as a
/// resolver would: the host's own resolver knows no Service names.
/// </summary>
internal static class HostCommandShims
{
    /// <summary>Writes the shims of <paramref name="image"/> and the resolving redis-cli; returns the PATH entries to put first.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public static string Write(RuntimeLayout layout, LocalImage image, string hostsFile)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(image);
        var imageShims = layout.ShimDirectory(image.Name);
        foreach (var (name, body) in image.Shims)
        {
            WriteExecutable(Path.Combine(imageShims, name), body);
        }

        var resolving = layout.ShimDirectory(image.Name + "-resolving");
        if (image.Shims.ContainsKey("redis-cli"))
        {
            WriteExecutable(Path.Combine(resolving, "redis-cli"), $$"""
                hosts={{Quote(hostsFile)}}; previous=
                for a in "$@"; do
                  shift
                  if [ "$previous" = -h ]; then
                    ip=$(awk -v name="$a" '$1 !~ /^#/ { for (i = 2; i <= NF; i++) if ($i == name) { print $1; exit } }' "$hosts" 2>/dev/null)
                    a=${ip:-$a}
                  fi
                  set -- "$@" "$a"; previous=$a
                done
                exec {{Quote(Path.Combine(imageShims, "redis-cli"))}} "$@"
                """);
        }

        return resolving;
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static void WriteExecutable(string path, string body)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(temp, (UnixFileMode)0b111_101_101);
        File.Move(temp, path, overwrite: true);
    }
}
