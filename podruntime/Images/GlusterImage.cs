namespace BackendStack.PodRuntime.Images;

/// <summary>
/// The gluster image: glusterd from Debian in the foreground, listening on the Pod's IP (the
/// gluster CLI refuses 127.0.0.1 as a brick host, so a Pod IP such as 127.0.1.5 is what it needs).
/// </summary>
public static class GlusterImage
{
    public static LocalImage Create() => new(
        Name: "gluster",
        Repositories: ["gluster-centos", "glusterfs", "gluster", "glusterfs-server"],
        DebianPackages: ["glusterfs-server"],
        RequiredFiles: ["/usr/sbin/glusterd", "/usr/sbin/gluster"],
        Entrypoint: args => args.Count == 0 ? ["glusterd"] : args,
        Shims: new Dictionary<string, string>
        {
            ["glusterd"] = $"exec /usr/sbin/glusterd -N --xlator-option \"management.transport.socket.bind-address=${LocalImage.PodIPVariable}\" \"$@\"",
            ["gluster"] = $"exec /usr/sbin/gluster --remote-host=\"${LocalImage.PodIPVariable}\" \"$@\"",
        });
}
