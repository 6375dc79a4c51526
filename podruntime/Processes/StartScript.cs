using System.Text;
using BackendStack.PodRuntime.Volumes;

namespace BackendStack.PodRuntime.Processes;

/// <summary>
/// The shell script a container starts with, as PID 1 of the container's own PID, mount and UTS
/// namespaces: output to the container's log, volumes bind-mounted at their mountPaths (read-only
/// where asked), the generated hosts file over /etc/hosts, the Pod's hostname, the working
/// directory, its own /proc; then it runs the command as its child, passes SIGTERM on, and exits with the
/// command's status (128 + n when signal n ended it). When this PID 1 ends, the kernel ends every
/// process of the container, daemonized or not. Pure.
/// </summary>
public static class StartScript
{
    public static string Build(ContainerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var script = new StringBuilder();
        script.AppendLine($"exec >>{Quote(setup.LogPath)} 2>&1 </dev/null 3>{Quote(setup.PidFile)}");
        script.AppendLine("set -e");
        foreach (var mount in setup.Mounts)
        {
            // Sources that do not exist yet (a subPath of an emptyDir) are directories, as the kubelet makes them.
            script.AppendLine($"[ -e {Quote(mount.Source)} ] || mkdir -p {Quote(mount.Source)}");
            script.AppendLine(Directory.Exists(mount.Source) || !File.Exists(mount.Source)
                ? $"[ -d {Quote(mount.Target)} ] || mkdir -p {Quote(mount.Target)}"
                : $"[ -e {Quote(mount.Target)} ] || {{ mkdir -p {Quote(Path.GetDirectoryName(mount.Target)!)}; : > {Quote(mount.Target)}; }}");
            script.AppendLine($"mount --bind {Quote(mount.Source)} {Quote(mount.Target)}");
            if (mount.ReadOnly)
            {
                script.AppendLine($"mount -o remount,bind,ro {Quote(mount.Target)}");
            }

            if (setup.FsGroup is { } group && !mount.ReadOnly)
            {
                script.AppendLine($"chgrp {group} {Quote(mount.Target)} && chmod g+rwxs {Quote(mount.Target)}");
            }
        }

        script.AppendLine($"mount --bind {Quote(setup.HostsFile)} /etc/hosts");
        // The container's own PID namespace in /proc, so tools that check on the PIDs they started
        // (Galera's SST scripts watch their rsync daemon) find them.
        script.AppendLine("mount -t proc -o nosuid,nodev,noexec proc /proc");
        script.AppendLine($"hostname {Quote(setup.Hostname)}");
        script.AppendLine($"mkdir -p {Quote(setup.WorkingDirectory)} && cd {Quote(setup.WorkingDirectory)}");
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
