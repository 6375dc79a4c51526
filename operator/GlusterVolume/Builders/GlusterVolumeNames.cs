namespace BackendStack.Operator.GlusterVolumes.Builders;

/// <summary>Names, ports and paths of a GlusterVolume's children and of its volume, derived from the resource name.</summary>
internal sealed record GlusterVolumeNames(string Name)
{
    /// <summary>glusterd's management port.</summary>
    public const int ManagementPort = 24007;

    public const string ContainerName = "glusterd";

    /// <summary>The volumeClaimTemplate of each brick's claim.</summary>
    public const string ClaimTemplate = "brick";

    /// <summary>Where the claim's <see cref="BricksSubPath"/> is mounted in each pod.</summary>
    public const string BricksDirectory = "/bricks";

    /// <summary>Where the claim's <see cref="StateSubPath"/> is mounted: glusterd's peers and volume definitions outlive a container restart.</summary>
    public const string StateDirectory = "/var/lib/glusterd";

    public const string BricksSubPath = "bricks";
    public const string StateSubPath = "glusterd";

    /// <summary>The cluster DNS domain of the stable pod names the bricks are known by.</summary>
    public const string ClusterDomain = "cluster.local";

    public string StatefulSet => $"{Name}-gluster";
    public string PeerService => $"{Name}-gluster";
    public string DisruptionBudget => $"{Name}-gluster";

    /// <summary>The volume's name inside GlusterFS: the resource's name (DNS-1123, which gluster accepts).</summary>
    public string Volume => Name;

    /// <summary>The brick directory inside every pod: a subdirectory of the claim, as gluster wants it.</summary>
    public string BrickPath => $"{BricksDirectory}/{Volume}/brick";

    public string Pod(int ordinal) => $"{StatefulSet}-{ordinal}";

    /// <summary>The claim of a brick (volumeClaimTemplate <c>brick</c>).</summary>
    public string Claim(int ordinal) => $"{ClaimTemplate}-{Pod(ordinal)}";

    /// <summary>
    /// The stable name of a pod that peers and bricks are known by. It is the first name of the pod's line in every
    /// pod's hosts file, so the name a probe gives a peer and the one a peer finds by reverse lookup are the same.
    /// </summary>
    public string Host(string pod, string ns) => $"{pod}.{PeerService}.{ns}.svc.{ClusterDomain}";

    /// <summary>The brick <c>host:path</c> of a pod as gluster lists it.</summary>
    public string Brick(string pod, string ns) => $"{Host(pod, ns)}:{BrickPath}";

    /// <summary>What a client mounts: the headless Service (any brick's glusterd serves the volfile) and the volume.</summary>
    public string Mount(string ns) => $"{PeerService}.{ns}.svc.{ClusterDomain}:/{Volume}";

    /// <summary>The pod a brick host name belongs to (its first label), or null for a host of no pod of this volume.</summary>
    public string? PodOfHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var pod = host.Split('.')[0];
        return OrdinalOf(pod) is null ? null : pod;
    }

    /// <summary>The ordinal of one of this volume's pods, or null for any other name.</summary>
    public int? OrdinalOf(string pod) =>
        pod.StartsWith(StatefulSet + "-", StringComparison.Ordinal)
        && int.TryParse(pod.AsSpan(StatefulSet.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ordinal)
            ? ordinal
            : null;
}
