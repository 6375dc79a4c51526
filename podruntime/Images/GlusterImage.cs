namespace BackendStack.PodRuntime.Images;

/// <summary>
/// The gluster image: glusterd from Debian in the foreground, listening on the Pod's IP (the
/// gluster CLI refuses 127.0.0.1 as a brick host, so a Pod IP such as 127.0.1.5 is what it needs).
/// Its state (/var/lib/glusterd, unless a volume is mounted there), run directory and logs are
/// private to the container, as in the image; its CLI socket moves into the private run directory
/// (the host's /var/run/glusterd.socket would be shared by every Pod), and glusterd's own log goes
/// to the container's log. The CLI in the Pod talks to the Pod's glusterd over that socket: over
/// TCP (--remote-host) glusterd answers only read-only commands.
/// </summary>
public static class GlusterImage
{
    private const string Socket = "/var/run/gluster/glusterd.socket";

    public static LocalImage Create() => new(
        Name: "gluster",
        Repositories: ["gluster-centos", "glusterfs", "gluster", "glusterfs-server"],
        DebianPackages: ["glusterfs-server"],
        RequiredFiles: ["/usr/sbin/glusterd", "/usr/sbin/gluster"],
        Entrypoint: args => args.Count == 0 ? ["glusterd"] : args,
        Shims: new Dictionary<string, string>
        {
            ["glusterd"] = $$"""
                [ -d /var/run/gluster ] || mount -t tmpfs -o mode=0755 tmpfs /run
                for d in /var/lib/glusterd /var/run/gluster /var/log/glusterfs; do
                  mkdir -p "$d"
                  mountpoint -q "$d" || mount -t tmpfs -o mode=0755 tmpfs "$d"
                done
                exec /usr/sbin/glusterd -N --log-file=/dev/stderr \
                  --xlator-option "management.transport.socket.bind-address=${{{LocalImage.PodIPVariable}}}" \
                  --xlator-option "management.glusterd-sockfile={{Socket}}" "$@"
                """,
            ["gluster"] = $"exec /usr/sbin/gluster --glusterd-sock={Socket} \"$@\"",
        });
}
