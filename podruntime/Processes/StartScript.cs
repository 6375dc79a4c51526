using System.Text;
using BackendStack.PodRuntime.Volumes;

namespace BackendStack.PodRuntime.Processes;

/// <summary>
/// The shell script a container starts with, as PID 1 of the container's own PID, mount and UTS
/// namespaces: output to the container's log, a root of its own (pivot_root into a tmpfs holding
/// the host's top-level entries), volumes bind-mounted at their mountPaths (read-only where asked;
/// paths missing on the host made only in the container), the generated hosts file over /etc/hosts,
/// the Pod's hostname, the working directory, its own /proc; then it runs the command as its child, passes SIGTERM on, and exits with the
/// command's status (128 + n when signal n ended it). When this PID 1 ends, the kernel ends every
/// process of the container, daemonized or not. Pure.
/// </summary>
public static class StartScript
{
    /// <summary>
    /// Creates a missing path under the new root without touching the host: a missing top-level name
    /// lands in the root's own tmpfs; deeper, the deepest existing directory gets an overlay whose
    /// upper layer lives in the scratch tmpfs. Where no overlay can be mounted it says so and falls back to the host.
    /// </summary>
    private const string MakePath = """
        layers=0
        make_path() {
          [ -e "$root$1" ] && return 0
          a=$(dirname "$1")
          while [ ! -e "$root$a" ]; do a=$(dirname "$a"); done
          if [ "$a" != / ]; then
            layers=$((layers + 1))
            mkdir -p "$scratch/$layers/upper" "$scratch/$layers/work"
            mount -t overlay overlay -o "lowerdir=$root$a,upperdir=$scratch/$layers/upper,workdir=$scratch/$layers/work" "$root$a" \
              || echo "cannot overlay $a: creating $1 on the host"
          fi
          if [ "$2" = dir ]; then mkdir -p "$root$1"; else mkdir -p "$root$(dirname "$1")" && : > "$root$1"; fi
        }
        """;

    public static string Build(ContainerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var script = new StringBuilder();
        script.AppendLine($"exec >>{Quote(setup.LogPath)} 2>&1 </dev/null 3>{Quote(setup.PidFile)}");
        script.AppendLine("set -e");
        // A root of the container's own: a tmpfs holding the host's top-level entries (bound, so the
        // host's files stay as they are), where mountPaths missing on the host can be made.
        script.AppendLine($"root={Quote(setup.RootDirectory)}; scratch={Quote(setup.ScratchDirectory)}");
        script.AppendLine("mkdir -p \"$root\" \"$scratch\"");
        script.AppendLine("mount -t tmpfs -o mode=0755 tmpfs \"$root\"");
        script.AppendLine("mount -t tmpfs -o mode=0700 tmpfs \"$scratch\"");
        script.AppendLine("""
            for entry in /* /.[!.]*; do
              if [ -L "$entry" ]; then cp -P "$entry" "$root$entry"
              elif [ -d "$entry" ]; then mkdir "$root$entry" && mount --rbind "$entry" "$root$entry"
              elif [ -e "$entry" ]; then : > "$root$entry" && mount --bind "$entry" "$root$entry"
              fi
            done
            """);
        script.AppendLine(MakePath);
        foreach (var mount in setup.Mounts)
        {
            // Sources that do not exist yet (a subPath of an emptyDir) are directories, as the kubelet makes them.
            script.AppendLine($"[ -e {Quote(mount.Source)} ] || mkdir -p {Quote(mount.Source)}");
            script.AppendLine($"make_path {Quote(mount.Target)} {(Directory.Exists(mount.Source) || !File.Exists(mount.Source) ? "dir" : "file")}");
        }

        script.AppendLine($"make_path {Quote(setup.WorkingDirectory)} dir");
        // Bind mounts only once every overlay is in place: an overlay hides mounts beneath its directory.
        foreach (var mount in setup.Mounts)
        {
            var target = "\"$root\"" + Quote(mount.Target);
            script.AppendLine($"mount --bind {Quote(mount.Source)} {target}");
            if (mount.ReadOnly)
            {
                script.AppendLine($"mount -o remount,bind,ro {target}");
            }

            if (setup.FsGroup is { } group && !mount.ReadOnly)
            {
                script.AppendLine($"chgrp {group} {target} && chmod g+rwxs {target}");
            }
        }

        script.AppendLine($"mount --bind {Quote(setup.HostsFile)} \"$root/etc/hosts\"");
        script.AppendLine("cd \"$root\" && mkdir .old-root && pivot_root . .old-root && umount -l /.old-root && rmdir /.old-root");
        // The container's own PID namespace in /proc, so tools that check on the PIDs they started
        // (Galera's SST scripts watch their rsync daemon) find them.
        script.AppendLine("mount -t proc -o nosuid,nodev,noexec proc /proc");
        script.AppendLine($"hostname {Quote(setup.Hostname)}");
        script.AppendLine($"cd {Quote(setup.WorkingDirectory)}");
        script.AppendLine("set +e");
        script.AppendLine("child=");
        script.AppendLine("trap '[ -n \"$child\" ] && kill -TERM \"$child\" 2>/dev/null' TERM");
        script.AppendLine("trap '[ -n \"$child\" ] && kill -INT \"$child\" 2>/dev/null' INT");
        script.AppendLine(setup.RunAsUser is { } user
            ? $"setpriv --reuid={user} --regid={setup.RunAsGroup ?? user} --clear-groups -- \"$@\" <&- &"
            : "\"$@\" <&- &");
        script.AppendLine("child=$!");
        // The command's PID as this namespace numbers it; the runtime maps it to the host's.
        script.AppendLine("echo \"$child\" >&3; exec 3>&-");
        // wait returns early when a trapped signal arrives; wait again until the command is gone.
        script.AppendLine("while :; do wait \"$child\"; status=$?; kill -0 \"$child\" 2>/dev/null || break; done");
        script.AppendLine("exit \"$status\"");
        return script.ToString();
    }

    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
