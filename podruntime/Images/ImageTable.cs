namespace BackendStack.PodRuntime.Images;

/// <summary>Maps container images to the local families that can run them.</summary>
public sealed class ImageTable(IReadOnlyList<LocalImage> images)
{
    public static ImageTable Default { get; } = new([RedisImage.Create(), PerconaXtraDbImage.Create(), GlusterImage.Create(), ProxySqlImage.Create()]);

    public IReadOnlyList<LocalImage> Images { get; } = images;

    /// <summary>The family of an image reference such as <c>docker.io/library/redis:7.2@sha256:...</c>, or null.</summary>
    public LocalImage? Find(string? image)
    {
        var repository = RepositoryName(image);
        return Images.FirstOrDefault(i => i.Repositories.Contains(repository, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Last path segment of the repository, without registry, tag or digest.</summary>
    public static string RepositoryName(string? image)
    {
        var reference = image ?? "";
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            reference = reference[..at];
        }

        var slash = reference.LastIndexOf('/');
        var last = reference[(slash + 1)..];
        var colon = last.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? last[..colon] : last;
    }
}
