namespace BackendStack.PodRuntime.Images;

/// <summary>The redis image: redis-server and redis-sentinel from Debian, bound to the Pod's IP.</summary>
public static class RedisImage
{
    public static LocalImage Create() => new(
        Name: "redis",
        Repositories: ["redis", "redis-stack-server", "valkey"],
        DebianPackages: ["redis-server", "redis-sentinel", "redis-tools"],
        RequiredFiles: ["/usr/bin/redis-server", "/usr/bin/redis-sentinel", "/usr/bin/redis-cli"],
        Entrypoint: Entrypoint,
        Shims: new Dictionary<string, string>
        {
            // Arguments after the config file override it, so the last --bind wins.
            ["redis-server"] = $"exec /usr/bin/redis-server \"$@\" --bind \"${LocalImage.PodIPVariable}\"",
            ["redis-sentinel"] = $"exec /usr/bin/redis-sentinel \"$@\" --bind \"${LocalImage.PodIPVariable}\"",
            // In a real Pod redis-cli reaches the server on the Pod's own loopback; here that is the Pod IP,
            // so the Pod's loopback address, when a probe names it, means the Pod IP too.
            ["redis-cli"] = "for a in \"$@\"; do shift; case \"$a\" in 127.0.0.1|localhost) a=\"$" + LocalImage.PodIPVariable + "\";; esac; set -- \"$@\" \"$a\"; done; "
                + $"exec /usr/bin/redis-cli -h \"${LocalImage.PodIPVariable}\" \"$@\"",
        });

    /// <summary>docker-entrypoint.sh of the official image: flags or a .conf file go to redis-server.</summary>
    private static IReadOnlyList<string> Entrypoint(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return ["redis-server"];
        }

        return args[0].StartsWith('-') || args[0].EndsWith(".conf", StringComparison.Ordinal)
            ? ["redis-server", .. args]
            : args;
    }
}
