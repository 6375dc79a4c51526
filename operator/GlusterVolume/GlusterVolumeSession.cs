namespace BackendStack.Operator.GlusterVolumes;

/// <summary>What the operator keeps about one GlusterVolume between reconciles: the bricks online and heal count last seen, and the last brick restart.</summary>
internal sealed class GlusterVolumeSession(string uid)
{
    public string Uid { get; } = uid;

    /// <summary>The pods whose brick was online at the previous read (BrickOffline/BrickOnline compare with it); null at first.</summary>
    public IReadOnlySet<string>? PreviouslyOnline { get; set; }

    /// <summary>The heal entries pending at the previous read (HealCompleted fires when it falls to 0); null at first.</summary>
    public long? PreviousHealPending { get; set; }

    /// <summary>When the last <c>volume start force</c> ran: a brick gets a few seconds to come up before the next.</summary>
    public DateTimeOffset? LastRestart { get; set; }
}
