using BackendStack.PodRuntime;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

/// <summary>Short constructors for the Pods the tests run.</summary>
internal static class PodBuilder
{
    /// <summary>A Pod whose one container runs a shell script (an application image with a local command).</summary>
    public static V1Pod Shell(string name, string script, params V1Volume[] volumes) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Annotations = new Dictionary<string, string> { [ContainerLaunch.LocalCommandAnnotation] = script },
        },
        Spec = new V1PodSpec
        {
            TerminationGracePeriodSeconds = 1,
            Volumes = volumes,
            Containers = [new V1Container { Name = "app", Image = "example.com/app:1" }],
        },
    };

    public static V1Container App(this V1Pod pod) => pod.Spec.Containers[0];

    public static V1Volume EmptyDir(string name) => new() { Name = name, EmptyDir = new V1EmptyDirVolumeSource() };

    public static V1VolumeMount Mount(string name, string path) => new() { Name = name, MountPath = path };

    public static V1Probe Exec(params string[] command) => new()
    {
        Exec = new V1ExecAction { Command = command },
        PeriodSeconds = 1,
        FailureThreshold = 1,
        TimeoutSeconds = 2,
    };
}
