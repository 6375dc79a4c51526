using BackendStack.PodRuntime.Images;
using BackendStack.PodRuntime.Probes;
using BackendStack.PodRuntime.Processes;
using BackendStack.PodRuntime.Volumes;
using k8s.Models;

namespace BackendStack.PodRuntime;

/// <summary>Turns a container spec into a started process: environment, launch plan, mounts, start script.</summary>
internal static class ContainerRun
{
    /// <summary>Throws <see cref="NoLocalEquivalentException"/>, <see cref="ContainerConfigException"/> or <see cref="VolumeSourceException"/>.</summary>
    public static (ContainerProcess Process, ProbeTarget Probe) Start(PodContext pod, V1Container container, int run)
    {
        var env = ContainerEnvironment.Build(pod.Pod, container, pod.Cluster);
        var plan = ContainerLaunch.Plan(pod.Pod, container, pod.Options.Images, pod.Layout, env);
        var mounts = ContainerMounts.For(pod.Pod, container, pod.VolumePaths);
        env["PATH"] = plan.Path;
        env[LocalImage.PodIPVariable] = pod.PodIP;
        env[ProcessMarker.RuntimeVariable] = pod.RuntimeId;
        env[ProcessMarker.ContainerVariable] = ProcessMarker.Container(pod.RuntimeId, pod.Uid, container.Name);

        var security = pod.Pod.Spec.SecurityContext;
        var user = container.SecurityContext?.RunAsUser ?? security?.RunAsUser;
        var group = container.SecurityContext?.RunAsGroup ?? security?.RunAsGroup;
        var workingDirectory = string.IsNullOrEmpty(container.WorkingDir) ? "/" : container.WorkingDir;
        var logPath = pod.Layout.LogPath(pod.Key, pod.Uid, container.Name, run);
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        File.AppendAllText(logPath, "");
        var scriptPath = pod.Layout.ScriptPath(pod.Key, pod.Uid, container.Name);
        var pidFile = Path.ChangeExtension(scriptPath, ".pid");
        var script = StartScript.Build(new ContainerSetup(
            logPath, pidFile, mounts, pod.Layout.HostsFile(pod.Key.Namespace), pod.Pod.Spec.Hostname ?? pod.Key.Name,
            workingDirectory, user == 0 ? null : user, group, security?.FsGroup,
            pod.Layout.ContainerRoot(pod.Key, pod.Uid, container.Name), pod.Layout.ContainerScratch(pod.Key, pod.Uid, container.Name)));
        Directory.CreateDirectory(Path.GetDirectoryName(scriptPath)!);
        File.WriteAllText(scriptPath, script);
        File.Delete(pidFile);

        var process = ContainerProcess.Start(scriptPath, pidFile, plan.Argv, env, pod.Now);
        process.WaitForCommand(TimeSpan.FromSeconds(10));
        var launcher = process.LauncherPid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The launcher holds the container's mount and UTS namespaces; its children's PID namespace is the
        // container's, which an exec needs too, or the container's /proc has no /proc/self for it.
        List<string> prefix = ["/usr/bin/nsenter", "-t", launcher, "-m", "-u", $"--pid=/proc/{launcher}/ns/pid_for_children"];
        if (user is { } uid and not 0)
        {
            prefix.AddRange(["-S", $"{uid}", "-G", $"{group ?? uid}"]);
        }

        // env -C, not nsenter --wd: nsenter opens that directory on the host, before entering the namespaces.
        prefix.AddRange(["--", "/usr/bin/env", "-C", workingDirectory, "--"]);
        var ports = (container.Ports ?? []).Where(p => !string.IsNullOrEmpty(p.Name)).ToDictionary(p => p.Name, p => p.ContainerPort);
        return (process, new ProbeTarget(pod.PodIP, ports, env, prefix));
    }
}
