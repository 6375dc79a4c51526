namespace BackendStack.PodRuntime.Volumes;

/// <summary>
/// Writes ConfigMap and Secret volumes the way the kubelet's atomic writer does: the files live in
/// a timestamped directory, <c>..data</c> links to it and each top-level name links through
/// <c>..data</c>. An update swaps <c>..data</c> with one rename, so a process reading the mounted
/// directory sees the old or the new set of files, never a mix.
/// </summary>
public static class AtomicVolumeWriter
{
    private const string DataLink = "..data";

    /// <summary>Brings <paramref name="directory"/> to <paramref name="files"/>; returns false when it already held them.</summary>
    public static bool Write(string directory, IReadOnlyList<ProjectedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("volumes need Linux file modes");
        }

        Directory.CreateDirectory(directory);
        var dataLink = Path.Combine(directory, DataLink);
        var current = Directory.Exists(dataLink) ? new DirectoryInfo(dataLink).LinkTarget : null;
        if (current is not null && Holds(Path.Combine(directory, current), files))
        {
            return false;
        }

        var version = $"..{DateTime.UtcNow:yyyy_MM_dd_HH_mm_ss.fffffff}_{Guid.NewGuid():N}"[..40];
        var versionDirectory = Path.Combine(directory, version);
        foreach (var file in files)
        {
            var path = Path.Combine(versionDirectory, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
            File.SetUnixFileMode(path, (UnixFileMode)file.Mode);
        }

        Directory.CreateDirectory(versionDirectory);
        var tempLink = Path.Combine(directory, "..data_tmp");
        File.Delete(tempLink);
        File.CreateSymbolicLink(tempLink, version);
        SymbolicLinks.Replace(tempLink, dataLink);

        var names = files.Select(f => f.Path.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var link = Path.Combine(directory, name);
            if (new FileInfo(link).LinkTarget is null)
            {
                File.CreateSymbolicLink(link, $"{DataLink}/{name}");
            }
        }

        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith("..", StringComparison.Ordinal)
                ? entry.Name != DataLink && entry.Name != version
                : !names.Contains(entry.Name))
            {
                Remove(entry);
            }
        }

        return true;
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static bool Holds(string versionDirectory, IReadOnlyList<ProjectedFile> files)
    {
        var existing = Directory.Exists(versionDirectory)
            ? Directory.GetFiles(versionDirectory, "*", SearchOption.AllDirectories).Length
            : -1;
        return existing == files.Count && files.All(f =>
        {
            var path = Path.Combine(versionDirectory, f.Path);
            return File.Exists(path)
                && (int)File.GetUnixFileMode(path) == f.Mode
                && File.ReadAllBytes(path).AsSpan().SequenceEqual(f.Content);
        });
    }

    private static void Remove(FileSystemInfo entry)
    {
        if (entry is DirectoryInfo directory && directory.LinkTarget is null)
        {
            directory.Delete(recursive: true);
        }
        else
        {
            entry.Delete();
        }
    }
}
