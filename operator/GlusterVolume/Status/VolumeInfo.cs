namespace BackendStack.Operator.GlusterVolumes.Status;

/// <summary>A volume as <c>gluster volume info &lt;vol&gt; --xml</c> describes it.</summary>
/// <param name="Exists">Whether glusterd knows the volume.</param>
/// <param name="Started">Whether the volume is started (<c>statusStr</c> Started).</param>
/// <param name="Bricks">The bricks as <c>host:path</c>, in order.</param>
public sealed record VolumeInfo(bool Exists, bool Started, IReadOnlyList<string> Bricks)
{
    /// <summary>A volume glusterd does not know.</summary>
    public static readonly VolumeInfo Missing = new(false, false, []);
}
