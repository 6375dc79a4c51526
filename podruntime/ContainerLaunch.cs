using BackendStack.PodRuntime.Images;
using k8s.Models;

namespace BackendStack.PodRuntime;

/// <summary>
/// Decides how a container runs here: the image's family from the image table (its shims first on
/// PATH), or a local command named by annotation, with command and args otherwise unchanged
/// (after Kubernetes' own $(VAR) expansion). Pure apart from looking at which files exist and the
/// image's <see cref="LocalImage.Prepare"/> step (which may unpack or link its binary).
/// </summary>
public static class ContainerLaunch
{
    /// <summary>Names a local shell command for containers whose image has no local equivalent.</summary>
    public const string LocalCommandAnnotation = "backendstack.io/local-command";

    /// <summary>Throws <see cref="NoLocalEquivalentException"/> when nothing here can run the container.</summary>
    public static LaunchPlan Plan(
        V1Pod pod, V1Container container, ImageTable images, RuntimeLayout layout, IReadOnlyDictionary<string, string> env)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(env);
        var command = (container.Command ?? []).Select(c => ContainerEnvironment.Expand(c, env)).ToList();
        var args = (container.Args ?? []).Select(a => ContainerEnvironment.Expand(a, env)).ToList();
        var path = env.TryGetValue("PATH", out var p) ? p : ContainerEnvironment.DefaultPath;

        if (LocalCommand(pod, container) is { } localCommand)
        {
            // The original command line stays available to the local command as "$@".
            return new LaunchPlan(["/bin/sh", "-c", localCommand, container.Name, .. command, .. args], path);
        }

        var image = images.Find(container.Image)
            ?? throw new NoLocalEquivalentException("NoLocalEquivalent",
                $"image \"{container.Image}\" has no local equivalent; annotate the Pod template with {LocalCommandAnnotation} to run a local command instead");
        if (!image.IsInstalled)
        {
            throw new NoLocalEquivalentException("PackagesMissing",
                $"image \"{container.Image}\" runs locally once installed: apt-get install -y {string.Join(' ', image.DebianPackages)}");
        }

        var shims = layout.ShimDirectory(image.Name);
        image.Prepare?.Invoke(shims);
        var argv = command.Count > 0 ? [.. command, .. args] : image.Entrypoint(args).ToList();
        var searchPath = $"{shims}:{path}";
        // A shim by base name comes first: the image's paths (/usr/local/bin/redis-server) do not exist here.
        var executable = image.Shims.ContainsKey(Path.GetFileName(argv[0])) ? Path.Combine(shims, Path.GetFileName(argv[0])) : Resolve(argv[0], path);
        return new LaunchPlan([executable, .. argv.Skip(1)], searchPath);
    }

    private static string? LocalCommand(V1Pod pod, V1Container container)
    {
        var annotations = pod.Metadata.Annotations ?? new Dictionary<string, string>();
        return annotations.TryGetValue($"{LocalCommandAnnotation}.{container.Name}", out var specific) ? specific
            : annotations.TryGetValue(LocalCommandAnnotation, out var general) ? general
            : null;
    }

    /// <summary>argv[0] on the host, for executables the image has no shim for.</summary>
    private static string Resolve(string executable, string searchPath)
    {
        var name = Path.GetFileName(executable);
        var directories = searchPath.Split(':', StringSplitOptions.RemoveEmptyEntries);
        if (executable.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(executable) ? executable
                : throw new NoLocalEquivalentException("ExecutableNotFound", $"{executable} does not exist on this host");
        }

        return directories.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists)
            ?? throw new NoLocalEquivalentException("ExecutableNotFound", $"{executable} is not on PATH ({searchPath})");
    }
}
